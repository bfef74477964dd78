using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Rules.Baselines;
using PolicyMiner.Extraction.Rules.Categories;
using PolicyMiner.Extraction.Rules.Commitments;
using PolicyMiner.Extraction.Rules.Comparators;
using PolicyMiner.Extraction.Rules.Confidence;
using PolicyMiner.Extraction.Rules.Indicators;
using PolicyMiner.Extraction.Rules.Kinds;
using PolicyMiner.Extraction.Rules.NonTargets;
using PolicyMiner.Extraction.Rules.Quantities;
using PolicyMiner.Extraction.Rules.Responsibility;
using PolicyMiner.Extraction.Rules.Tables;
using PolicyMiner.Extraction.Rules.Years;

namespace PolicyMiner.Extraction;

/// <summary>Opt-in registration of each rule folder on an <see cref="ExtractionPipelineBuilder"/>.</summary>
public static class ExtractionPipelineBuilderExtensions
{
    /// <summary>Every rule, in the order the default extractor runs them.</summary>
    public static ExtractionPipelineBuilder UseDefaultRules(this ExtractionPipelineBuilder builder) => builder
        .UseQuantities()
        .UseTables()
        .UseBaselines()
        .UseNonTargets()
        .UseComparators()
        .UseIndicators()
        .UseYears()
        .UseCommitments()
        .UseKinds()
        .UseCategories()
        .UseResponsibility()
        .UseTableFields()
        .UseConfidence();

    /// <summary>Numbers with units; without this rule nothing is extracted.</summary>
    public static ExtractionPipelineBuilder UseQuantities(this ExtractionPipelineBuilder builder) =>
        Checked(builder).AddScanRule(new QuantityScanRule());

    /// <summary>Targets from tables: value cells of target columns with their row's indicator, unit, baseline and bodies.</summary>
    public static ExtractionPipelineBuilder UseTables(this ExtractionPipelineBuilder builder) =>
        Checked(builder).AddStructureRule(new TableScanRule()).AddTargetRule(new TableTargetRule());

    /// <summary>Re-applies table fields after the text rules; register after them (the default order does).</summary>
    public static ExtractionPipelineBuilder UseTableFields(this ExtractionPipelineBuilder builder) => Checked(builder).AddTargetRule(new TableFieldsRule());

    /// <summary>Drops programme names, ordinals, codes, past statistics and incentive amounts.</summary>
    public static ExtractionPipelineBuilder UseNonTargets(this ExtractionPipelineBuilder builder) =>
        Checked(builder).AddScanRule(new YearScanRule()).AddTargetRule(new NonTargetRule());

    /// <summary>由目前的10家增加到20家: baselines.</summary>
    public static ExtractionPipelineBuilder UseBaselines(this ExtractionPipelineBuilder builder) =>
        Checked(builder).AddScanRule(new YearScanRule()).AddTargetRule(new BaselineRule());

    /// <summary>以上 / 不少于 / 左右 / ranges.</summary>
    public static ExtractionPipelineBuilder UseComparators(this ExtractionPipelineBuilder builder) => Checked(builder).AddTargetRule(new ComparatorRule());

    /// <summary>Indicator phrases and quotes.</summary>
    public static ExtractionPipelineBuilder UseIndicators(this ExtractionPipelineBuilder builder) =>
        Checked(builder).AddScanRule(new ModalScanRule()).AddScanRule(new YearScanRule()).AddScanRule(new ResponsibilityScanRule()).AddTargetRule(new IndicatorRule());

    /// <summary>Due years against the plan year.</summary>
    public static ExtractionPipelineBuilder UseYears(this ExtractionPipelineBuilder builder) =>
        Checked(builder).AddScanRule(new YearScanRule()).AddTargetRule(new YearRule());

    /// <summary>Firm / aspirational / plain.</summary>
    public static ExtractionPipelineBuilder UseCommitments(this ExtractionPipelineBuilder builder) =>
        Checked(builder).AddScanRule(new ModalScanRule()).AddTargetRule(new CommitmentRule());

    /// <summary>level / growth / share / count / amount / increase / requirement.</summary>
    public static ExtractionPipelineBuilder UseKinds(this ExtractionPipelineBuilder builder) => Checked(builder).AddTargetRule(new KindRule());

    /// <summary>Schema categories from keywords.</summary>
    public static ExtractionPipelineBuilder UseCategories(this ExtractionPipelineBuilder builder) => Checked(builder).AddTargetRule(new CategoryRule());

    /// <summary>Responsibility blocks, 由X牵头 and doers.</summary>
    public static ExtractionPipelineBuilder UseResponsibility(this ExtractionPipelineBuilder builder) =>
        Checked(builder).AddScanRule(new ResponsibilityScanRule()).AddScanRule(new ModalScanRule()).AddTargetRule(new ResponsibleRule());

    /// <summary>Confidence scores.</summary>
    public static ExtractionPipelineBuilder UseConfidence(this ExtractionPipelineBuilder builder) => Checked(builder).AddTargetRule(new ConfidenceRule());

    private static ExtractionPipelineBuilder Checked(ExtractionPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
