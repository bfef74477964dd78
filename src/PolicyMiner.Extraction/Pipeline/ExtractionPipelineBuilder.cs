namespace PolicyMiner.Extraction.Pipeline;

/// <summary>Collects scan and target rules and builds an immutable <see cref="ExtractionPipeline"/>.</summary>
/// <remarks>Not thread-safe; build once, then share the pipeline. Rule folders add <c>UseXxx()</c> extension methods.</remarks>
public sealed class ExtractionPipelineBuilder
{
    public List<IScanRule> ScanRules { get; } = [];

    public List<ITargetRule> TargetRules { get; } = [];

    public List<IStructureRule> StructureRules { get; } = [];

    /// <summary>Adds a structure rule unless one of the same type is already there.</summary>
    public ExtractionPipelineBuilder AddStructureRule(IStructureRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!StructureRules.Exists(r => r.GetType() == rule.GetType()))
        {
            StructureRules.Add(rule);
        }

        return this;
    }

    /// <summary>Adds a scan rule unless one of the same type is already there.</summary>
    public ExtractionPipelineBuilder AddScanRule(IScanRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!ScanRules.Exists(r => r.GetType() == rule.GetType()))
        {
            ScanRules.Add(rule);
        }

        return this;
    }

    /// <summary>Adds a target rule at the end unless one of the same type is already there.</summary>
    public ExtractionPipelineBuilder AddTargetRule(ITargetRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!TargetRules.Exists(r => r.GetType() == rule.GetType()))
        {
            TargetRules.Add(rule);
        }

        return this;
    }

    /// <summary>Builds the pipeline; the builder can be changed afterwards without affecting it.</summary>
    public ExtractionPipeline Build() => new([.. ScanRules], [.. StructureRules], [.. TargetRules]);
}
