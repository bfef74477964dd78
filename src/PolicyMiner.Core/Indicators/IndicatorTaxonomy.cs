using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Indicators;

/// <summary>
/// The indicator taxonomy: canonical indicators and a matcher from a target's indicator phrase, category and unit
/// to a canonical id, so that differently worded targets compare as one indicator.
/// </summary>
/// <remarks>
/// Immutable and thread-safe once loaded. Matching is deterministic: the longest total match wins, an exact synonym
/// wins outright, ties go to the indicator listed first. The file format is described in models/indicators.json.
/// </remarks>
public sealed class IndicatorTaxonomy
{
    private const string EmbeddedName = "PolicyMiner.Core.Indicators.indicators.json";
    private const int ExactBonus = 1_000_000;

    private static readonly Lazy<IndicatorTaxonomy> Embedded = new(LoadEmbedded);

    private static readonly FrozenDictionary<char, char> Simplified = new Dictionary<char, char>
    {
        ['創'] = '创', ['發'] = '发', ['業'] = '业', ['產'] = '产', ['術'] = '术', ['經'] = '经', ['費'] = '费',
        ['專'] = '专', ['學'] = '学', ['與'] = '与', ['區'] = '区', ['項'] = '项', ['萬'] = '万', ['億'] = '亿',
        ['總'] = '总', ['務'] = '务', ['農'] = '农', ['開'] = '开', ['實'] = '实', ['驗'] = '验', ['權'] = '权',
        ['資'] = '资', ['機'] = '机', ['構'] = '构', ['國'] = '国', ['員'] = '员', ['計'] = '计', ['劃'] = '划',
        ['進'] = '进', ['轉'] = '转', ['讓'] = '让', ['將'] = '将', ['營'] = '营',
        ['銷'] = '销', ['額'] = '额', ['獎'] = '奖', ['縣'] = '县', ['鎮'] = '镇', ['設'] = '设',
        ['為'] = '为', ['達'] = '达', ['個'] = '个', ['數'] = '数', ['請'] = '请', ['檢'] = '检', ['測'] = '测',
        ['標'] = '标', ['準'] = '准', ['統'] = '统', ['導'] = '导', ['體'] = '体', ['點'] = '点', ['應'] = '应',
        ['優'] = '优', ['勢'] = '势', ['強'] = '强', ['長'] = '长', ['預'] = '预', ['補'] = '补',
    }.ToFrozenDictionary();

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly IReadOnlyList<RawIndicator> _raw;
    private readonly Lazy<string> _fingerprint;
    private readonly Entry[] _all;
    private readonly WordPresence _terms;

    /// <summary>By term id, the indices (into <see cref="_all"/>) of the entries a phrase holding that term can score for.</summary>
    private readonly int[][] _entriesByTerm;
    private readonly FrozenDictionary<string, Entry[]> _byCategory;
    private readonly FrozenDictionary<string, IndicatorDefinition> _byId;
    private readonly FrozenDictionary<(string Category, UnitFamily Family), IndicatorDefinition> _defaults;
    private readonly FrozenDictionary<string, IndicatorDefinition> _firstDefault;

    private IndicatorTaxonomy(IReadOnlyList<RawIndicator> raw)
    {
        _raw = raw;
        _fingerprint = new Lazy<string>(() => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(_raw, FileOptions))));
        _all = raw.Select(r => Entry.Compile(r.ToDefinition())).ToArray();
        _terms = new WordPresence(_all.SelectMany(e => e.Terms));
        var entriesByTerm = new List<int>[_terms.Count];
        for (var i = 0; i < _all.Length; i++)
        {
            _all[i].Bind(_terms, i);
            foreach (var id in _all[i].ScoringTermIds)
            {
                (entriesByTerm[id] ??= []).Add(i);
            }
        }

        _entriesByTerm = [.. entriesByTerm.Select(e => e is null ? [] : e.Distinct().ToArray())];

        Definitions = _all.Select(e => e.Definition).ToArray();
        _byId = Definitions.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        _byCategory = TargetCategories.All
            .ToFrozenDictionary(c => c, c => _all.Where(e => e.Definition.BelongsTo(c)).ToArray(), StringComparer.Ordinal);
        var defaults = new Dictionary<(string, UnitFamily), IndicatorDefinition>();
        var firstDefault = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);
        foreach (var d in Definitions.Where(d => d.IsDefault))
        {
            defaults.TryAdd((d.Category, d.UnitFamily), d);
            firstDefault.TryAdd(d.Category, d);
        }

        _defaults = defaults.ToFrozenDictionary();
        _firstDefault = firstDefault.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The taxonomy shipped with PolicyMiner (models/indicators.json as built into the assembly).</summary>
    public static IndicatorTaxonomy Default => Embedded.Value;

    /// <summary>SHA-256 (hex) of the taxonomy's content after merging: equal for equal taxonomies, different when any entry differs.</summary>
    /// <remarks>Part of the extractor version, so a store re-extracts when the taxonomy that assigned its indicators changes.</remarks>
    public string Fingerprint => _fingerprint.Value;

    /// <summary>Every indicator, in file order.</summary>
    public IReadOnlyList<IndicatorDefinition> Definitions { get; }

    /// <summary>Reads a taxonomy file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid taxonomy; the message names <paramref name="sourceName"/> and the reason.</exception>
    public static IndicatorTaxonomy Load(Stream stream, string sourceName = "indicators.json") =>
        new(Validate(Read(stream, sourceName), sourceName));

    /// <summary>A taxonomy with the indicators of <paramref name="overlay"/> added; an overlay entry with an existing id extends it.</summary>
    /// <remarks>Lists (synonyms, patterns, exclude, also_in) are appended; name, category, unit_family and default replace when given.</remarks>
    /// <exception cref="InvalidDataException">The overlay is not a valid taxonomy file.</exception>
    public IndicatorTaxonomy Extend(Stream overlay, string sourceName = "user indicators")
    {
        var merged = _raw.ToList();
        var index = merged.Select((r, i) => (r.Id!, i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
        foreach (var extra in Read(overlay, sourceName))
        {
            if (extra.Id is not null && index.TryGetValue(extra.Id, out var at))
            {
                merged[at] = merged[at].ExtendWith(extra);
            }
            else
            {
                index[extra.Id ?? ""] = merged.Count;
                merged.Add(extra);
            }
        }

        return new IndicatorTaxonomy(Validate(merged, sourceName));
    }

    /// <summary>The indicator with this id, or null.</summary>
    public IndicatorDefinition? Get(string? id) => id is not null && _byId.TryGetValue(id, out var d) ? d : null;

    /// <summary>The canonical indicator id of a target, or null when no indicator fits.</summary>
    /// <param name="indicator">The indicator phrase as written.</param>
    /// <param name="category">The target's category; null or "other" searches every category.</param>
    /// <param name="unit">The unit as written ("%", "亿元", "家", "").</param>
    public string? Match(string? indicator, string? category, string? unit) => Find(indicator, category, unit)?.Id;

    /// <summary>The canonical indicator of a target, or null when no indicator fits; see <see cref="Match"/>.</summary>
    public IndicatorDefinition? Find(string? indicator, string? category, string? unit) =>
        FindWithEvidence(indicator, category, unit).Definition;

    /// <summary>The canonical indicator of a target and whether it came from the category's default rather than the phrase.</summary>
    public IndicatorMatch FindWithEvidence(string? indicator, string? category, string? unit) =>
        FindWithEvidence(indicator, category, unit, otherIsDecided: false);

    /// <summary>The canonical indicator id of a target whose category was decided: as <see cref="Match"/>, but a target decided to
    /// be "other" (no topic of the categories) is matched only against the entries of "other", never against the topics' entries
    /// whose words it may share (a government cloud platform is no R&amp;D platform, a rural toilet no farm-science project).</summary>
    public string? MatchDecided(string? indicator, string? category, string? unit) =>
        FindWithEvidence(indicator, category, unit, otherIsDecided: true).Definition?.Id;

    private IndicatorMatch FindWithEvidence(string? indicator, string? category, string? unit, bool otherIsDecided)
    {
        var family = Units.Classify(unit);
        var phrase = Normalize(indicator);
        var restricted = category is not null
            && (otherIsDecided || !string.Equals(category, TargetCategories.Other, StringComparison.Ordinal))
            && _byCategory.TryGetValue(category, out _);
        var pool = restricted ? _byCategory[category!] : _all;

        Entry? best = null;
        var bestScore = 0;
        if (phrase.Length > 0)
        {
            // Which terms of the whole taxonomy the phrase holds, found in one pass; entries then read it per term.
            Span<bool> present = _terms.Count <= 4096 ? stackalloc bool[_terms.Count] : new bool[_terms.Count];
            _terms.Mark(phrase, present);
            // An entry none of whose synonyms or pattern terms the phrase holds scores 0 and can never be best: only the entries
            // of the terms present are scored (most phrases hold a handful of the taxonomy's terms).
            Span<bool> scoring = _all.Length <= 4096 ? stackalloc bool[_all.Length] : new bool[_all.Length];
            for (var id = present.IndexOf(true); id >= 0; id = present[(id + 1)..].IndexOf(true) is var next and >= 0 ? id + 1 + next : -1)
            {
                foreach (var index in _entriesByTerm[id])
                {
                    scoring[index] = true;
                }
            }

            foreach (var entry in pool)
            {
                if (!scoring[entry.Index] || !entry.Definition.Accepts(family))
                {
                    continue;
                }

                var score = entry.Score(phrase, present);
                if (score > bestScore)
                {
                    best = entry;
                    bestScore = score;
                }
            }
        }

        if (best is not null)
        {
            return new IndicatorMatch(best.Definition, FromDefault: false);
        }

        // 生态补水6亿立方米: a unit of no known family (a physical measure) is no percent, count, money or area, so only a
        // default of family any fits it; an empty unit fits the category's first default.
        var measured = family == UnitFamily.Unknown && !string.IsNullOrWhiteSpace(unit);
        return restricted ? new IndicatorMatch(DefaultFor(category!, family, measured), FromDefault: true) : default;
    }

    /// <summary>The form phrases and terms are compared in: full-width to ASCII, upper case, no spaces or quotes, traditional to simplified.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or '“' or '”' or '‘' or '’' or '《' or '》' or '「' or '」')
            {
                continue;
            }

            if (c is >= 'a' and <= 'z')
            {
                c = (char)(c - 32);
            }
            else if (c >= '\u4E00' && Simplified.TryGetValue(c, out var simple))
            {
                c = simple;
            }

            buffer[n++] = c;
        }

        return new string(buffer[..n]);
    }

    private IndicatorDefinition? DefaultFor(string category, UnitFamily family, bool measured)
    {
        if (measured)
        {
            return _defaults.GetValueOrDefault((category, UnitFamily.Unknown));
        }

        if (family == UnitFamily.PercentagePoint)
        {
            family = UnitFamily.Percent;
        }

        if (family == UnitFamily.Unknown)
        {
            return _firstDefault.GetValueOrDefault(category);
        }

        return _defaults.GetValueOrDefault((category, family));
    }

    private static IndicatorTaxonomy LoadEmbedded()
    {
        using var stream = typeof(IndicatorTaxonomy).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The built-in taxonomy resource {EmbeddedName} is missing from the build.");
        return Load(stream, "built-in indicators.json");
    }

    private static List<RawIndicator> Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RawFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RawFile>(stream, FileOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sourceName}: not a valid indicator taxonomy ({e.Message})", e);
        }

        if (file?.Indicators is null)
        {
            throw new InvalidDataException($"{sourceName}: no \"indicators\" array");
        }

        return file.Indicators;
    }

    private static List<RawIndicator> Validate(List<RawIndicator> raw, string sourceName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in raw)
        {
            var problem = r switch
            {
                { Id: null or "" } => "an indicator has no id",
                { Name: null or "" } => $"indicator '{r.Id}' has no name",
                { Category: null } => $"indicator '{r.Id}' has no category",
                _ when !TargetCategories.All.Contains(r.Category) => $"indicator '{r.Id}' has unknown category '{r.Category}'",
                _ when r.AlsoIn?.FirstOrDefault(c => !TargetCategories.All.Contains(c)) is { } bad => $"indicator '{r.Id}' has unknown category '{bad}' in also_in",
                _ when !TryParseFamily(r.UnitFamily, out _) => $"indicator '{r.Id}' has unknown unit_family '{r.UnitFamily}' (percent, points, money, area, count or any)",
                _ when !seen.Add(r.Id) => $"indicator id '{r.Id}' appears twice",
                _ when (r.Synonyms?.Count ?? 0) + (r.Patterns?.Count ?? 0) == 0 && r.Default != true => $"indicator '{r.Id}' has neither synonyms nor patterns",
                _ => null,
            };
            if (problem is not null)
            {
                throw new InvalidDataException($"{sourceName}: {problem}");
            }
        }

        return raw;
    }

    private static bool TryParseFamily(string? text, out UnitFamily family)
    {
        family = text switch
        {
            "percent" => UnitFamily.Percent,
            "points" => UnitFamily.PercentagePoint,
            "money" => UnitFamily.Money,
            "area" => UnitFamily.Area,
            "count" => UnitFamily.Count,
            null or "" or "any" => UnitFamily.Unknown,
            _ => (UnitFamily)(-1),
        };
        return (int)family >= 0;
    }

    private sealed class RawFile
    {
        public List<RawIndicator>? Indicators { get; set; }
    }

    private sealed record RawIndicator
    {
        public string? Id { get; init; }

        public string? Name { get; init; }

        public string? Category { get; init; }

        public List<string>? AlsoIn { get; init; }

        public string? UnitFamily { get; init; }

        public bool? Default { get; init; }

        public List<string>? Synonyms { get; init; }

        public List<string>? Patterns { get; init; }

        public List<string>? Exclude { get; init; }

        public RawIndicator ExtendWith(RawIndicator extra) => this with
        {
            Name = extra.Name ?? Name,
            Category = extra.Category ?? Category,
            UnitFamily = extra.UnitFamily ?? UnitFamily,
            Default = extra.Default ?? Default,
            AlsoIn = [.. AlsoIn ?? [], .. extra.AlsoIn ?? []],
            Synonyms = [.. Synonyms ?? [], .. extra.Synonyms ?? []],
            Patterns = [.. Patterns ?? [], .. extra.Patterns ?? []],
            Exclude = [.. Exclude ?? [], .. extra.Exclude ?? []],
        };

        public IndicatorDefinition ToDefinition()
        {
            TryParseFamily(UnitFamily, out var family);
            return new IndicatorDefinition(
                Id!,
                Name!,
                Category!,
                AlsoIn ?? [],
                family,
                Default ?? false,
                Terms(Synonyms),
                (Patterns ?? []).Select(ParsePattern).Where(p => p.Count > 0).ToArray(),
                Terms(Exclude));
        }

        private static string[] Terms(IEnumerable<string>? terms) =>
            (terms ?? []).Select(Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

        private static IReadOnlyList<IReadOnlyList<string>> ParsePattern(string pattern) =>
            pattern.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(group => (IReadOnlyList<string>)Terms(group.Split('|')))
                .Where(group => group.Count > 0)
                .ToArray();
    }

    /// <summary>An indicator compiled for matching: plain arrays, each term also as its id in the taxonomy's <see cref="WordPresence"/>.</summary>
    private sealed class Entry(IndicatorDefinition definition, string[] synonyms, string[][][] patterns, string[] exclude)
    {
        private int[] _excludeIds = [];
        private int[] _synonymIds = [];
        private int[][][] _patternIds = [];

        public IndicatorDefinition Definition { get; } = definition;

        /// <summary>Every term the entry tests a phrase for.</summary>
        public IEnumerable<string> Terms => exclude.Concat(synonyms).Concat(patterns.SelectMany(p => p.SelectMany(g => g)));

        /// <summary>Position of the entry in the taxonomy.</summary>
        public int Index { get; private set; }

        /// <summary>Ids of the terms that can give the entry a score above 0: its synonyms and its patterns' terms.</summary>
        public IEnumerable<int> ScoringTermIds => _synonymIds.Concat(_patternIds.SelectMany(p => p.SelectMany(g => g)));

        /// <summary>Looks up each term's id once, when the taxonomy is built.</summary>
        public void Bind(WordPresence terms, int index)
        {
            Index = index;
            _excludeIds = [.. exclude.Select(terms.IdOf)];
            _synonymIds = [.. synonyms.Select(terms.IdOf)];
            _patternIds = [.. patterns.Select(p => p.Select(g => g.Select(terms.IdOf).ToArray()).ToArray())];
        }

        public static Entry Compile(IndicatorDefinition d) => new(
            d,
            [.. d.Synonyms],
            d.Patterns.Select(p => p.Select(g => g.ToArray()).ToArray()).ToArray(),
            [.. d.Exclude]);

        /// <summary>The entry's score for <paramref name="phrase"/>; <paramref name="present"/> tells, by term id, whether the phrase contains a term.</summary>
        public int Score(string phrase, ReadOnlySpan<bool> present)
        {
            foreach (var id in _excludeIds)
            {
                if (present[id])
                {
                    return 0;
                }
            }

            var best = 0;
            for (var i = 0; i < synonyms.Length; i++)
            {
                var synonym = synonyms[i];
                if (synonym.Length == phrase.Length && string.Equals(synonym, phrase, StringComparison.Ordinal))
                {
                    return ExactBonus + synonym.Length;
                }

                if (synonym.Length > best && present[_synonymIds[i]])
                {
                    best = synonym.Length;
                }
            }

            for (var p = 0; p < patterns.Length; p++)
            {
                var pattern = patterns[p];
                var total = 0;
                for (var g = 0; g < pattern.Length; g++)
                {
                    var group = pattern[g];
                    var longest = 0;
                    for (var t = 0; t < group.Length; t++)
                    {
                        if (group[t].Length > longest && present[_patternIds[p][g][t]])
                        {
                            longest = group[t].Length;
                        }
                    }

                    if (longest == 0)
                    {
                        total = 0;
                        break;
                    }

                    total += longest;
                }

                best = Math.Max(best, total);
            }

            return best;
        }
    }
}

/// <summary>The result of matching a target to the taxonomy.</summary>
/// <param name="Definition">The canonical indicator, or null when none fits.</param>
/// <param name="FromDefault">True when the phrase matched nothing and the category's default for the unit's family was used.</param>
public readonly record struct IndicatorMatch(IndicatorDefinition? Definition, bool FromDefault);
