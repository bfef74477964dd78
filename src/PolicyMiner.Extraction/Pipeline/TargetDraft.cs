using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Extraction.Pipeline;

/// <summary>A target being assembled by the rules: starts from a quantity mention, each rule fills or rejects it.</summary>
/// <remarks>Mutable, owned by one extraction call; never shared between threads.</remarks>
public sealed class TargetDraft(QuantityMention mention, int index)
{
    /// <summary>The quantity the target is built on.</summary>
    public QuantityMention Mention { get; } = mention;

    /// <summary>Position of the mention among all quantity mentions of the document.</summary>
    public int Index { get; } = index;

    /// <summary>Why the mention is not a target (null while it still is one).</summary>
    public RejectionReason? RejectedBecause { get; private set; }

    /// <summary>True once a rule has rejected the mention.</summary>
    public bool IsRejected => RejectedBecause is not null;

    /// <summary>Which scope gave <see cref="Year"/>.</summary>
    public Scopes.ScopeSource YearFrom { get; set; }

    /// <summary>Which scope gave <see cref="Commitment"/>.</summary>
    public Scopes.ScopeSource CommitmentFrom { get; set; }

    /// <summary>End of the number's expression including a trailing comparator (以上, 左右).</summary>
    public int ExpressionEnd { get; set; } = mention.Span.End;

    /// <summary>Start of the number's expression including a leading comparator (不少于, 约).</summary>
    public int ExpressionStart { get; set; } = mention.Span.Start;

    public Comparator Comparator { get; set; } = mention.Quantity.IsRange ? Comparator.Range : Comparator.Equal;

    /// <summary>True when the comparator was written next to this number (not inherited from a list).</summary>
    public bool ComparatorWritten { get; set; }

    public TextSpan Quote { get; set; } = mention.Span;

    public string Indicator { get; set; } = "";

    /// <summary>Further indicators the same value is set for ("A、B均达到45%" gives A here and B in this list): one target each.</summary>
    public IReadOnlyList<string> SharedWith { get; set; } = [];

    /// <summary>Where the indicator sits in the text, when it is a span of it.</summary>
    public TextSpan? IndicatorSpan { get; set; }

    /// <summary>The topic an enclosing scope gave the indicator ("加快宜荆荆都市圈一体化发展。…推进62个重点项目建设" gives 宜荆荆都市圈 to
    /// 重点项目), or null when the indicator stands on its own.</summary>
    public Scopes.ScopeTopic? IndicatorTopic { get; set; }

    /// <summary>True when the indicator came from an earlier clause (an elided subject).</summary>
    public bool IndicatorInherited { get; set; }

    public string Category { get; set; } = TargetCategories.Other;

    /// <summary>True when a rule chose the category (even "other"), so the taxonomy must not replace it.</summary>
    public bool CategoryDecided { get; set; }

    public TargetKind Kind { get; set; } = TargetKind.Level;

    public Commitment Commitment { get; set; } = Commitment.Plain;

    public int? Year { get; set; }

    public string? YearText { get; set; }

    /// <summary>Where the words that gave the year stand, when a scope gave them (the commitment of a deadline opening an
    /// earlier sentence goes with it).</summary>
    public TextSpan? YearSpan { get; set; }

    public double? Baseline { get; set; }

    public IReadOnlyList<string> Responsible { get; set; } = [];

    public double Confidence { get; set; } = 0.9;

    /// <summary>The table cell the target was read from, when it came from a table: its fields come from the table's
    /// columns, and text rules leave them alone.</summary>
    public TableTarget? Table { get; set; }

    /// <summary>Marks the mention as not a target.</summary>
    public void Reject(RejectionReason reason) => RejectedBecause ??= reason;

    /// <summary>Takes back a rejection: a table cell in a target column is a target whatever the text around it suggests.</summary>
    public void Restore() => RejectedBecause = null;

    public override string ToString() => $"{Mention.Quantity} {Indicator} {(IsRejected ? "rejected: " + RejectedBecause?.Describe() : "")}";
}
