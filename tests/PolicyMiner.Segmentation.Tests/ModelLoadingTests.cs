namespace PolicyMiner.Segmentation.Tests;

public sealed class ModelLoadingTests
{
    private static readonly JiebaDictionaryPaths Shipped = new(Path.Combine(TestPaths.RepositoryRoot, "models", "jieba"));

    [SkippableFact]
    public void Locate_ModelCopiedBesideExecutable_ThatFolderAndTheSameFilesAsTheRepository()
    {
        Skip.If(Environment.GetEnvironmentVariable(JiebaDictionaryPaths.ModelsEnvironmentVariable) is { Length: > 0 }, "POLICYMINER_MODELS is set and wins");

        var located = ModelsDirectory.Locate();

        // The build copies models/ next to every executable (bin/, publish/, the .NET tool), so an install never needs a checkout.
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "models"), located);
        Assert.Equal(File.ReadAllBytes(Shipped.TransitionFile), File.ReadAllBytes(JiebaDictionaryPaths.Default.TransitionFile));
        Assert.True(File.Exists(ModelsDirectory.PolicyTermsDictionary));
    }

    [Fact]
    public void Load_MissingFiles_ThrowsOneLineSayingHowToGetThem()
    {
        var empty = Directory.CreateTempSubdirectory("pm-jieba-missing-");
        try
        {
            var error = Assert.Throws<JiebaModelMissingException>(() => JiebaSegmenter.Load(new JiebaDictionaryPaths(empty.FullName)));
            Assert.Contains("dotnet build", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_SourceChanged_RebuildsCompiledCache()
    {
        var dir = Directory.CreateTempSubdirectory("pm-jieba-cache-");
        try
        {
            var paths = new JiebaDictionaryPaths(dir.FullName);
            File.Copy(Shipped.TransitionFile, paths.TransitionFile);
            File.Copy(Shipped.EmissionFile, paths.EmissionFile);
            File.WriteAllText(paths.DictionaryFile, "青川 100 ns\n市 50 n\n");

            var first = JiebaSegmenter.Load(paths);
            Assert.True(File.Exists(paths.CompiledFile));
            Assert.Equal(150, first.TotalFrequency);
            Assert.Equal(150, JiebaSegmenter.Load(paths).TotalFrequency);

            File.AppendAllText(paths.DictionaryFile, "青川市 1000 ns\n");
            var second = JiebaSegmenter.Load(paths);

            Assert.Equal(1150, second.TotalFrequency);
            Assert.Equal(["青川市"], second.Cut("青川市"));
            Assert.Equal("ns", second.PosTag("青川市"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_CorruptCompiledCache_FallsBackToSources()
    {
        var dir = Directory.CreateTempSubdirectory("pm-jieba-corrupt-");
        try
        {
            var paths = new JiebaDictionaryPaths(dir.FullName);
            File.Copy(Shipped.TransitionFile, paths.TransitionFile);
            File.Copy(Shipped.EmissionFile, paths.EmissionFile);
            File.WriteAllText(paths.DictionaryFile, "青川 100 ns\n");
            File.WriteAllBytes(paths.CompiledFile, [1, 2, 3]);

            Assert.Equal(100, JiebaSegmenter.Load(paths).TotalFrequency);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_BadDictionaryLine_NamesFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory("pm-jieba-bad-");
        try
        {
            var paths = new JiebaDictionaryPaths(dir.FullName);
            File.Copy(Shipped.TransitionFile, paths.TransitionFile);
            File.Copy(Shipped.EmissionFile, paths.EmissionFile);
            File.WriteAllText(paths.DictionaryFile, "青川 100 ns\n市 lots n\n");

            var error = Assert.Throws<InvalidDataException>(() => JiebaSegmenter.Load(paths));
            Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Default_TotalFrequency_MatchesPythonJiebaIncludingDuplicateLine()
    {
        // Python jieba 0.42.1 reports total 60101967 after initialize(); dict.txt lists "B超 3 n" twice.
        Assert.Equal(60_101_967, JiebaSegmenter.Default.TotalFrequency);
        Assert.Equal(3, JiebaSegmenter.Default.Frequency("B超"));
    }
}
