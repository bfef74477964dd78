using System.Buffers;
using System.Collections.Frozen;
using PolicyMiner.Core.Documents;

namespace PolicyMiner.Extraction.Pipeline;

/// <summary>An immutable set of scan rules (dispatched by trigger character) and target rules (run in order).</summary>
/// <remarks>Built by <see cref="ExtractionPipelineBuilder"/>. Holds no per-document state, so one instance serves any number of threads.</remarks>
public sealed class ExtractionPipeline
{
    private readonly SearchValues<char> _triggers;
    private readonly FrozenDictionary<char, (IScanRule Rule, int Index)[]> _rulesByTrigger;
    private readonly int _ruleCount;

    internal ExtractionPipeline(IReadOnlyList<IScanRule> scanRules, IReadOnlyList<IStructureRule> structureRules, IReadOnlyList<ITargetRule> targetRules)
    {
        ScanRules = scanRules;
        StructureRules = structureRules;
        TargetRules = targetRules;
        var map = new Dictionary<char, List<IScanRule>>();
        foreach (var rule in scanRules)
        {
            foreach (var c in rule.Triggers)
            {
                if (!map.TryGetValue(c, out var list))
                {
                    map[c] = list = [];
                }

                if (!list.Contains(rule))
                {
                    list.Add(rule);
                }
            }
        }

        // Each rule's position in ScanRules indexes the scan's resume points: an array slot, not a hash of the rule object.
        var indexOf = new Dictionary<IScanRule, int>(ReferenceEqualityComparer.Instance);
        foreach (var rule in scanRules)
        {
            indexOf.TryAdd(rule, indexOf.Count);
        }

        _ruleCount = indexOf.Count;
        _rulesByTrigger = map.ToFrozenDictionary(p => p.Key, p => p.Value.Select(r => (r, indexOf[r])).ToArray());
        _triggers = SearchValues.Create([.. map.Keys]);
    }

    public IReadOnlyList<IScanRule> ScanRules { get; }

    public IReadOnlyList<ITargetRule> TargetRules { get; }

    public IReadOnlyList<IStructureRule> StructureRules { get; }

    /// <summary>Runs every rule over <paramref name="document"/> and returns the context holding the drafts.</summary>
    public ExtractionContext Run(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var context = new ExtractionContext(document);
        Scan(context);
        if (document.Tables.Count > 0)
        {
            var found = context.Quantities.Count;
            foreach (var rule in StructureRules)
            {
                rule.Scan(context);
            }

            if (context.Quantities.Count > found)
            {
                // Mentions added from cells go into text order with the rest.
                context.Quantities.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            }
        }

        for (var i = 0; i < context.Quantities.Count; i++)
        {
            context.Drafts.Add(new TargetDraft(context.Quantities[i], i));
        }

        foreach (var rule in TargetRules)
        {
            rule.Apply(context);
        }

        return context;
    }

    private void Scan(ExtractionContext context)
    {
        var text = context.Text.AsSpan();
        // Each rule may skip past what it consumed; other rules still see those positions.
        var resume = new int[_ruleCount];
        var position = 0;
        while (position < text.Length)
        {
            var next = text[position..].IndexOfAny(_triggers);
            if (next < 0)
            {
                break;
            }

            position += next;
            foreach (var (rule, index) in _rulesByTrigger[text[position]])
            {
                if (resume[index] > position)
                {
                    continue;
                }

                resume[index] = Math.Max(position + 1, rule.Scan(context, position));
            }

            position++;
        }
    }
}
