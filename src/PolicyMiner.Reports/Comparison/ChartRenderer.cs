using System.Globalization;
using ScottPlot;

namespace PolicyMiner.Reports.Comparison;

/// <summary>Draws one indicator across regions and years with ScottPlot: due year on x, value on y, one series per region.</summary>
/// <remarks>The legend is left to the HTML around the chart, which shows the region names whatever fonts the chart had.</remarks>
internal static class ChartRenderer
{
    public const int Width = 960;
    public const int Height = 380;

    /// <summary>Regions drawn in colour with a legend entry; the rest are grey.</summary>
    public const int ColouredSeries = 10;

    private static readonly string[] Palette =
    [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
    ];

    /// <summary>The chart of a section, or null when none of its targets has a due year.</summary>
    public static IndicatorChart? Render(IndicatorSection section)
    {
        var dated = section.Targets.Where(t => t.Target.Year is not null).ToList();
        if (dated.Count == 0)
        {
            return null;
        }

        // Plot the most common sort of value only: levels and 新增 increments, or % and 个百分点, do not share an axis.
        var main = dated
            .GroupBy(t => (t.DisplayUnit, t.IsIncrease))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.DisplayUnit, StringComparer.Ordinal)
            .ThenBy(g => g.Key.IsIncrease)
            .First();

        // One point per region and due year: the most recent plan's value (the mean when it states several).
        var series = main
            .GroupBy(t => t.Plan.Place, StringComparer.Ordinal)
            .Select(region => (
                Place: region.Key,
                Points: region
                    .GroupBy(t => t.Target.Year!.Value)
                    .Select(year =>
                    {
                        var latestPlan = year.Max(t => t.Plan.PlanYear ?? int.MinValue);
                        var values = year.Where(t => (t.Plan.PlanYear ?? int.MinValue) == latestPlan).Select(t => t.DisplayValue);
                        return (Year: year.Key, Value: values.Average());
                    })
                    .OrderBy(p => p.Year)
                    .ToArray()))
            .OrderByDescending(s => s.Points.Length)
            .ThenBy(s => s.Place, StringComparer.Ordinal)
            .ToList();

        var cjk = CjkFont.Available;
        var plot = new Plot();
        if (cjk)
        {
            plot.Font.Set(CjkFont.Name);
        }

        var legend = new List<(string, string)>();
        // Grey series first so the coloured ones are drawn on top.
        foreach (var (place, points) in series.Skip(ColouredSeries))
        {
            var grey = plot.Add.Scatter(points.Select(p => (double)p.Year).ToArray(), points.Select(p => p.Value).ToArray());
            grey.Color = Color.FromHex("#c8c8c8");
            grey.MarkerSize = 3;
            grey.LineWidth = 1;
        }

        foreach (var ((place, points), index) in series.Take(ColouredSeries).Select((s, i) => (s, i)))
        {
            var colour = Palette[index % Palette.Length];
            var line = plot.Add.Scatter(points.Select(p => (double)p.Year).ToArray(), points.Select(p => p.Value).ToArray());
            line.Color = Color.FromHex(colour);
            line.MarkerSize = 7;
            line.LineWidth = 2;
            legend.Add((place, colour));
        }

        var years = main.Select(t => t.Target.Year!.Value).Distinct().Order().ToArray();
        var step = Math.Max(1, (years[^1] - years[0] + 1) / 12);
        var ticks = Enumerable.Range(0, ((years[^1] - years[0]) / step) + 1).Select(i => years[0] + (i * step)).ToArray();
        plot.Axes.Bottom.SetTicks(
            ticks.Select(y => (double)y).ToArray(),
            ticks.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray());
        var unit = main.Key.DisplayUnit;
        plot.XLabel(cjk ? "目标年份" : "due year");
        plot.YLabel(cjk ? (main.Key.IsIncrease ? $"新增 ({unit})" : unit) : "");
        plot.Axes.Margins(0.05, 0.1);
        // Magnitudes read honestly from a zero baseline; the axis only leaves zero when values go below it.
        var values = series.SelectMany(s => s.Points).Select(p => p.Value).ToArray();
        if (values.Min() >= 0)
        {
            plot.Axes.SetLimitsY(0, values.Max() > 0 ? values.Max() * 1.1 : 1);
        }
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return new IndicatorChart(png, unit, main.Key.IsIncrease, legend, Math.Max(0, series.Count - ColouredSeries));
    }
}
