using System.Globalization;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage.Reviewing;

/// <summary>The fields of a target an editor may correct, by their export column names, with their text forms.</summary>
/// <remarks>
/// One text form per field is used everywhere a field crosses a boundary: the CLI's <c>--set FIELD=VALUE</c>, the web
/// forms, and the audit trail's before/after. Empty text clears an optional field.
/// </remarks>
public static class TargetFields
{
    public const string Indicator = "indicator";
    public const string IndicatorId = "indicator_id";
    public const string Category = "category";
    public const string Value = "value";
    public const string ValueMax = "value_max";
    public const string Unit = "unit";
    public const string Comparator = "comparator";
    public const string Kind = "kind";
    public const string Commitment = "commitment";
    public const string Year = "year";
    public const string Baseline = "baseline";
    public const string Responsible = "responsible";

    /// <summary>Separator of responsible bodies in the text form (the export's full-width semicolon; ASCII ';' is accepted too).</summary>
    public const string ResponsibleSeparator = "；";

    /// <summary>Every editable field, in the export's column order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Indicator, IndicatorId, Category, Value, ValueMax, Unit, Comparator, Kind, Commitment, Year, Baseline, Responsible];

    /// <summary>The text form of <paramref name="field"/> of <paramref name="target"/>.</summary>
    public static string Read(PolicyTarget target, string field)
    {
        ArgumentNullException.ThrowIfNull(target);
        return field switch
        {
            Indicator => target.Indicator,
            IndicatorId => target.IndicatorId ?? "",
            Category => target.Category,
            Value => Number(target.Value),
            ValueMax => target.ValueMax is { } max ? Number(max) : "",
            Unit => target.Unit,
            Comparator => target.Comparator.ToSymbol(),
            Kind => target.Kind.ToString().ToLowerInvariant(),
            Commitment => target.Commitment.ToString().ToLowerInvariant(),
            Year => target.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
            Baseline => target.Baseline is { } baseline ? Number(baseline) : "",
            Responsible => string.Join(ResponsibleSeparator, target.Responsible),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not an editable target field"),
        };
    }

    /// <summary>Checks that <paramref name="text"/> is a valid value of <paramref name="field"/>; null when it is, else the reason.</summary>
    public static string? Validate(string field, string text) => TryApply(field, text, new TargetEntity());

    internal static string Read(TargetEntity entity, string field) => Read(StoreMapper.ToTarget(entity), field);

    /// <summary>Applies an editor's field changes to a stored target, logging each field whose value changed (action,
    /// field, before, after) and marking it reviewed; the reason the first bad change is refused, or null.</summary>
    internal static string? Correct(TargetEntity entity, IReadOnlyDictionary<string, string> changes, ChangeLog log)
    {
        foreach (var (field, text) in changes)
        {
            if (!All.Contains(field))
            {
                return $"'{field}' is not an editable field (one of {string.Join(", ", All)})";
            }

            var before = Read(entity, field);
            if (TryApply(field, text, entity) is { } reason)
            {
                return reason;
            }

            var after = Read(entity, field);
            if (before != after)
            {
                log("correct", field, before, after);
                if (!entity.ReviewedFields.Contains(field))
                {
                    entity.ReviewedFields.Add(field);
                }
            }
        }

        return null;
    }

    /// <summary>Sets <paramref name="field"/> of <paramref name="entity"/> from its text form; null on success, else the reason it was refused.</summary>
    internal static string? TryApply(string field, string text, TargetEntity entity)
    {
        text = text.Trim();
        switch (field)
        {
            case Indicator:
                entity.Indicator = text;
                return null;
            case IndicatorId:
                entity.IndicatorId = text.Length == 0 ? null : text;
                return null;
            case Category:
                if (!TargetCategories.All.Contains(text))
                {
                    return $"category '{text}' is not one of {string.Join(", ", TargetCategories.All)}";
                }

                entity.Category = text;
                return null;
            case Value:
                if (!TryNumber(text, out var value))
                {
                    return $"value '{text}' is not a number";
                }

                // The standardised value scales with the value as written (30 亿元 → 3e9 元).
                if (entity.ValueStd is { } std && entity.Value != 0)
                {
                    entity.ValueStd = std / entity.Value * value;
                }

                entity.Value = value;
                return null;
            case ValueMax:
                if (text.Length == 0)
                {
                    entity.ValueMax = null;
                    return null;
                }

                if (!TryNumber(text, out var max))
                {
                    return $"value_max '{text}' is not a number";
                }

                entity.ValueMax = max;
                return null;
            case Unit:
                if (entity.Unit != text)
                {
                    // A unit written by hand has no known standard form; reports fall back to the unit as written.
                    entity.ValueStd = null;
                    entity.UnitStd = null;
                }

                entity.Unit = text;
                return null;
            case Comparator:
                if (!ComparatorText.TryParse(text, out var comparator))
                {
                    return $"comparator '{text}' is not one of >=, >, <=, <, =, range, ~";
                }

                entity.Comparator = comparator.ToSymbol();
                return null;
            case Kind:
                if (!Enum.TryParse<TargetKind>(text, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(text, out _))
                {
                    return $"kind '{text}' is not one of {string.Join(", ", Enum.GetNames<TargetKind>().Select(n => n.ToLowerInvariant()))}";
                }

                entity.Kind = kind.ToString().ToLowerInvariant();
                return null;
            case Commitment:
                if (!Enum.TryParse<Core.Targets.Commitment>(text, ignoreCase: true, out var commitment) || !Enum.IsDefined(commitment) || int.TryParse(text, out _))
                {
                    return $"commitment '{text}' is not one of plain, firm, aspirational";
                }

                entity.Commitment = commitment.ToString().ToLowerInvariant();
                return null;
            case Year:
                if (text.Length == 0)
                {
                    entity.Year = null;
                    return null;
                }

                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
                {
                    return $"year '{text}' is not a year between 1900 and 2200";
                }

                entity.Year = year;
                return null;
            case Baseline:
                if (text.Length == 0)
                {
                    entity.Baseline = null;
                    return null;
                }

                if (!TryNumber(text, out var baseline))
                {
                    return $"baseline '{text}' is not a number";
                }

                entity.Baseline = baseline;
                return null;
            case Responsible:
                entity.Responsible = [.. text.Split([ResponsibleSeparator, ";", "、"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                return null;
            default:
                return $"'{field}' is not an editable field (one of {string.Join(", ", All)})";
        }
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
