using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Ingest.Tests;

/// <summary>The rows of a two-column spec table as theory data, read strictly (see <see cref="SpecTable"/>).</summary>
internal static class SpecRows
{
    public static TheoryData<string, string> Of(string specFile, string first, string second)
    {
        var data = new TheoryData<string, string>();
        foreach (var row in SpecTable.Load(Path.Combine(TestPaths.Specs, specFile), first, second))
        {
            data.Add(row.Cells[0], row.Cells[1]);
        }

        return data;
    }
}
