using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Learning.Features;
using PolicyMiner.Learning.Spans;

namespace PolicyMiner.Learning.Models;

/// <summary>What a model file says about itself (<c>model.json</c> inside the zip).</summary>
/// <param name="FeatureFingerprint">The <see cref="TargetFeatures.Fingerprint"/> the models were trained on.</param>
/// <param name="Threshold">A target whose calibrated targethood is below this is dropped.</param>
/// <param name="TargetSlope">Platt parameters of the targethood model: p = 1 / (1 + exp(slope·score + offset)) (0 when it has none).</param>
/// <param name="RecordSlope">Platt parameters of the whole-record model (used when <paramref name="RecordIsotonic"/> is null).</param>
/// <param name="RecordIsotonic">Isotonic calibration of the whole-record model, when training chose it over Platt.</param>
/// <param name="Spans">The indicator-span ranker, when the model has one.</param>
/// <param name="Lessons">What editors taught in reviewed stores (<see cref="CorrectionMemory"/>), recalled where the same structure recurs.</param>
/// <param name="HasTargethood">False when training had no false alarm to learn targethood from: the file holds no targethood
/// model, every candidate is kept (threshold 0) and the whole-record model alone sets confidence. Absent in format 1 files,
/// which always hold one.</param>
public sealed record ModelManifest(
    string Format,
    string FeatureFingerprint,
    int FeatureCount,
    double Threshold,
    double TargetSlope,
    double TargetOffset,
    double RecordSlope,
    double RecordOffset,
    TrainingSummary Training,
    IsotonicMap? RecordIsotonic = null,
    SpanRankerManifest? Spans = null,
    IReadOnlyList<Lesson>? Lessons = null,
    bool HasTargethood = true)
{
    /// <summary>Format 2: the targethood model is optional (<see cref="HasTargethood"/>).</summary>
    public const string CurrentFormat = "policyminer-extractor-model/2";

    /// <summary>Format 1, still read: the same layout with a targethood model always present.</summary>
    public const string PreviousFormat = "policyminer-extractor-model/1";

    /// <summary>Calibrated probability that the whole record is right, from the whole-record model's raw score.</summary>
    public double RecordProbability(double raw) => RecordIsotonic?.Probability(raw) ?? ExtractorModel.Platt(raw, RecordSlope, RecordOffset);

    /// <summary>Calibrated probability that the number is a target, from the targethood model's raw score; 1 without a
    /// targethood model (nothing was learned that could doubt a candidate).</summary>
    public double TargetProbability(double raw) => HasTargethood ? ExtractorModel.Platt(raw, TargetSlope, TargetOffset) : 1.0;
}

/// <summary>What the models were trained on, for the model file and the train report.</summary>
public sealed record TrainingSummary(int Documents, int Rows, int TargetRows, int RecordRightRows, int ReviewedRows, IReadOnlyList<string> HeldOut);

/// <summary>A model file could not be used: one line naming the file and the reason.</summary>
public sealed class ModelException(string message) : Exception(message);

/// <summary>
/// The learned models of the extractor: a targethood model (is this number a target at all) and a whole-record model (is every
/// field right), both ML.NET FastTree classifiers over <see cref="TargetFeatures"/>, each with a calibration (Platt, or isotonic
/// for the whole-record model) fitted on out-of-fold scores. The targethood model is absent when the training labels hold no
/// false alarm (see <see cref="ModelManifest.HasTargethood"/>).
/// </summary>
/// <remarks>Immutable; <see cref="Score"/> is thread-safe (one prediction engine per thread).</remarks>
public sealed class ExtractorModel : IDisposable
{
    private const string ManifestEntry = "model.json";
    private const string TargetEntry = "targethood.mlnet.zip";
    private const string RecordEntry = "record.mlnet.zip";
    private const string RankerEntry = "indicator-span.mlnet.zip";

    private readonly TreeScorer? _targetTrees;
    private readonly TreeScorer? _recordTrees;
    private readonly ThreadLocal<(PredictionEngine<FeatureRow, ScoreRow>? Target, PredictionEngine<FeatureRow, ScoreRow> Record)> _engines;

    /// <param name="targethood">The targethood model, or null when training had no false alarm to learn it from.</param>
    internal ExtractorModel(MLContext ml, ITransformer? targethood, ITransformer record, ModelManifest manifest, string fingerprint, IndicatorRanker? ranker = null)
    {
        Ranker = ranker;
        Memory = manifest.Lessons is { Count: > 0 } lessons ? new CorrectionMemory(lessons) : CorrectionMemory.Empty;
        Ml = ml;
        Targethood = targethood;
        Record = record;
        // Without a targethood model nothing can be dropped: the threshold is 0 whatever a caller asked for.
        Manifest = targethood is null ? manifest with { HasTargethood = false, Threshold = 0 } : manifest with { HasTargethood = true };
        Fingerprint = fingerprint;
        _targetTrees = targethood is null ? null : TreeScorer.TryCreate(targethood);
        _recordTrees = TreeScorer.TryCreate(record);
        var schema = FeatureRow.Schema(manifest.FeatureCount);
        _engines = new(() => (
            targethood is null ? null : ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(targethood, inputSchemaDefinition: schema),
            ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(record, inputSchemaDefinition: schema)), trackAllValues: true);
    }

    /// <summary>Path of the shipped model inside an installation folder.</summary>
    public const string RelativePath = "models/extractor.zip";

    internal MLContext Ml { get; }

    /// <summary>The targethood model, or null when the training labels held no false alarm.</summary>
    internal ITransformer? Targethood { get; }

    internal ITransformer Record { get; }

    public ModelManifest Manifest { get; }

    /// <summary>The indicator-span ranker, or null when the model has none.</summary>
    public IndicatorRanker? Ranker { get; }

    /// <summary>What editors taught: field corrections and rejections recalled by structural key.</summary>
    public CorrectionMemory Memory { get; }

    /// <summary>SHA-256 of the model file's bytes (manifest and models), lower-case hex.</summary>
    public string Fingerprint { get; }

    /// <summary>Calibrated targethood and whole-record probabilities of one feature vector.</summary>
    public (double Target, double Record) Score(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        // A threshold of 0 (always so without a targethood model) keeps every target: targethood need not be computed.
        var target = Targethood is null || Manifest.Threshold <= 0 ? 1.0 : Manifest.TargetProbability(RawTarget(features));
        return (target, Manifest.RecordProbability(RawRecord(features)));
    }

    /// <summary>The targethood model's raw score of one row: the flat trees when they could be read, else ML.NET.</summary>
    /// <exception cref="InvalidOperationException">The model has no targethood model.</exception>
    internal float RawTarget(float[] features) =>
        _targetTrees?.Score(features)
        ?? (_engines.Value.Target ?? throw new InvalidOperationException("the model has no targethood model")).Predict(new FeatureRow { Features = features }).Score;

    /// <summary>The whole-record model's raw score of one row.</summary>
    internal float RawRecord(float[] features) =>
        _recordTrees?.Score(features) ?? _engines.Value.Record.Predict(new FeatureRow { Features = features }).Score;

    /// <summary>Raw (uncalibrated) scores of many rows at once, for training and cross-validation; <c>Target</c> is null when
    /// the model has no targethood model.</summary>
    internal (float[]? Target, float[] Record) RawScores(IReadOnlyList<float[]> rows) =>
        (Targethood is null ? null : RawScores(Ml, Targethood, rows, Manifest.FeatureCount), RawScores(Ml, Record, rows, Manifest.FeatureCount));

    internal static float[] RawScores(MLContext ml, ITransformer model, IReadOnlyList<float[]> rows, int featureCount)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new FeatureRow { Features = r }), FeatureRow.Schema(featureCount));
        return [.. ml.Data.CreateEnumerable<ScoreRow>(model.Transform(data), reuseRowObject: false).Select(s => s.Score)];
    }

    /// <summary>The <paramref name="top"/> features the targethood (or whole-record) trees gain most from, with their share of the
    /// total gain (FastTree's split-gain feature weights); empty when the model is not a FastTree ensemble or is absent.</summary>
    public IReadOnlyList<(string Feature, double Share)> Importance(bool record, int top)
    {
        if ((record ? Record : Targethood) is not ISingleFeaturePredictionTransformer<object> prediction)
        {
            return [];
        }

        var parameters = prediction.Model is Microsoft.ML.Calibrators.CalibratedModelParametersBase<Microsoft.ML.Trainers.FastTree.FastTreeBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator> calibrated
            ? calibrated.SubModel
            : prediction.Model;
        if (parameters is not Microsoft.ML.Trainers.FastTree.TreeEnsembleModelParametersBasedOnRegressionTree weighted)
        {
            return [];
        }

        VBuffer<float> weights = default;
        weighted.GetFeatureWeights(ref weights);
        var dense = weights.DenseValues().ToArray();
        var total = dense.Sum(w => (double)w);
        var names = TargetFeatures.Current.Names;
        return total <= 0 ? []
            : [.. dense.Select((w, i) => (i < names.Count ? names[i] : $"f{i}", w / total)).OrderByDescending(p => p.Item2).Take(top)];
    }

    /// <summary>Platt's sigmoid, as ML.NET's PlattCalibrator computes it.</summary>
    public static double Platt(double score, double slope, double offset) => 1.0 / (1.0 + Math.Exp(slope * score + offset));

    /// <summary>This model with another targethood threshold (0: drop nothing, only set confidence; always 0 without a
    /// targethood model).</summary>
    public ExtractorModel WithThreshold(double threshold) =>
        new(Ml, Targethood, Record, Manifest with { Threshold = threshold }, Fingerprint, Ranker);

    /// <summary>This model carrying <paramref name="memory"/>'s lessons (saved in its manifest).</summary>
    public ExtractorModel WithMemory(CorrectionMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return new(Ml, Targethood, Record, Manifest with { Lessons = memory.Lessons.Count == 0 ? null : memory.Lessons }, Fingerprint, Ranker);
    }

    /// <summary>This model with its indicator ranker switched on or off (no change when it has none).</summary>
    public ExtractorModel WithRankerEnabled(bool enabled)
    {
        var ranker = Ranker?.WithEnabled(enabled);
        return new(Ml, Targethood, Record, Manifest with { Spans = ranker?.Manifest }, Fingerprint, ranker);
    }

    /// <summary>Writes this model to <paramref name="path"/> (see the static overload).</summary>
    public void Save(string path) => Save(path, Ml, Targethood, Record, Manifest, Ranker?.Model);

    /// <summary>Writes the model file in the current format: a zip of the manifest and the ML.NET models (no targethood entry
    /// when there is no targethood model), with fixed entry times so that the same training gives the same bytes.</summary>
    internal static void Save(string path, MLContext ml, ITransformer? targethood, ITransformer record, ModelManifest manifest, ITransformer? ranker = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), FeatureRow.Schema(manifest.FeatureCount)).Schema;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            var current = manifest with { Format = ModelManifest.CurrentFormat, HasTargethood = targethood is not null };
            Write(zip, ManifestEntry, s => JsonSerializer.Serialize(s, current, PolicyJson.Indented));
            if (targethood is not null)
            {
                Write(zip, TargetEntry, s => s.Write(Normalised(ml, targethood, schema)));
            }

            Write(zip, RecordEntry, s => s.Write(Normalised(ml, record, schema)));
            if (ranker is not null && manifest.Spans is { } spans)
            {
                var spanSchema = ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), FeatureRow.Schema(spans.FeatureCount)).Schema;
                Write(zip, RankerEntry, s => s.Write(Normalised(ml, ranker, spanSchema)));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a model file and checks it against the features the code computes today.</summary>
    /// <exception cref="ModelException">The file is missing, unreadable, of another format, or trained on another feature schema.</exception>
    public static ExtractorModel Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelException($"{path}: cannot read the model ({e.Message})");
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var manifest = JsonSerializer.Deserialize<ModelManifest>(Read(zip, ManifestEntry, path), PolicyJson.Options)
                ?? throw new ModelException($"{path}: the model has an empty manifest");
            if (manifest.Format == ModelManifest.PreviousFormat)
            {
                // Format 1 always held a targethood model (and has no field saying so).
                manifest = manifest with { HasTargethood = true };
            }
            else if (manifest.Format != ModelManifest.CurrentFormat)
            {
                throw new ModelException($"{path}: model format '{manifest.Format}' is not '{ModelManifest.CurrentFormat}'; retrain with `policyminer train`");
            }

            var current = TargetFeatures.Current;
            if (manifest.FeatureFingerprint != current.Fingerprint || manifest.FeatureCount != current.Length)
            {
                throw new ModelException(
                    $"{path}: model is stale (trained on features {manifest.FeatureFingerprint}, the extractor computes {current.Fingerprint}); retrain with `policyminer train`");
            }

            var ml = new MLContext(seed: 1);
            var targethood = manifest.HasTargethood ? ml.Model.Load(new MemoryStream(Read(zip, TargetEntry, path)), out _) : null;
            var record = ml.Model.Load(new MemoryStream(Read(zip, RecordEntry, path)), out _);
            IndicatorRanker? ranker = null;
            if (manifest.Spans is { } spans)
            {
                if (spans.FeatureFingerprint != SpanFeatures.Current.Fingerprint || spans.FeatureCount != SpanFeatures.Current.Length)
                {
                    throw new ModelException(
                        $"{path}: the indicator ranker is stale (trained on span features {spans.FeatureFingerprint}, the extractor computes {SpanFeatures.Current.Fingerprint}); retrain with `policyminer train`");
                }

                ranker = new IndicatorRanker(ml.Model.Load(new MemoryStream(Read(zip, RankerEntry, path)), out _), spans);
            }

            return new ExtractorModel(ml, targethood, record, manifest, Convert.ToHexStringLower(SHA256.HashData(bytes)), ranker);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or FormatException or InvalidOperationException)
        {
            throw new ModelException($"{path}: not a PolicyMiner model ({e.Message.Split('\n')[0]})");
        }
    }

    public void Dispose()
    {
        foreach (var (target, record) in _engines.Values)
        {
            target?.Dispose();
            record.Dispose();
        }

        _engines.Dispose();
    }

    /// <summary>ML.NET's model zip with its entries' times fixed: the same training writes the same bytes (and fingerprint).</summary>
    private static byte[] Normalised(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var saved = new MemoryStream();
        ml.Model.Save(model, schema, saved);
        saved.Position = 0;
        using var input = new ZipArchive(saved, ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var source = entry.Open();
                Write(zip, entry.FullName, s => source.CopyTo(s));
            }
        }

        return output.ToArray();
    }

    private static void Write(ZipArchive zip, string name, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        write(stream);
    }

    private static byte[] Read(ZipArchive zip, string name, string path)
    {
        var entry = zip.GetEntry(name) ?? throw new ModelException($"{path}: the model has no {name}");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>One row handed to ML.NET: a feature vector and its label.</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    /// <summary>The schema with the vector's length fixed (ML.NET trainers need a known size).</summary>
    public static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}

/// <summary>The raw score a binary trainer outputs.</summary>
internal sealed class ScoreRow
{
    public float Score { get; set; }
}
