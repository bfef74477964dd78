using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace PolicyMiner.Cli;

/// <summary>Option parsing that explains itself: numbers, years and enumerated values fail with one line naming what is expected.</summary>
internal static class CliOptions
{
    /// <summary>Restricts <paramref name="option"/> to <paramref name="values"/>; an unknown value lists the valid ones.</summary>
    public static Option<T> OneOf<T>(this Option<T> option, params IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !values.Contains(t.Value, StringComparer.Ordinal)))
            {
                result.AddError(CliMessages.UnknownValue(option.Name, token.Value, values));
            }
        });
        option.HelpName ??= string.Join("|", values);
        return option;
    }

    /// <summary>Gives every numeric option under <paramref name="command"/> a parser whose error says what is expected, not a .NET type.</summary>
    public static void ExplainNumbers(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int?> nullable when nullable.CustomParser is null:
                    nullable.CustomParser = r => r.Tokens.Count == 0 ? null : Integer(r, nullable.Name);
                    break;
                case Option<int> plain when plain.CustomParser is null:
                    plain.CustomParser = r => r.Tokens.Count == 0 ? plain.DefaultValueFactory?.Invoke(r) ?? 0 : Integer(r, plain.Name) ?? 0;
                    break;
                case Option<double?> real when real.CustomParser is null:
                    real.CustomParser = r => r.Tokens.Count == 0 ? null : Real(r, real.Name);
                    break;
                case Option<double> real when real.CustomParser is null:
                    real.CustomParser = r => r.Tokens.Count == 0 ? real.DefaultValueFactory?.Invoke(r) ?? 0 : Real(r, real.Name) ?? 0;
                    break;
            }
        }

        foreach (var sub in command.Subcommands)
        {
            ExplainNumbers(sub);
        }
    }

    private static int? Integer(ArgumentResult result, string option)
    {
        var text = result.Tokens[^1].Value;
        var isYear = option.Contains("year", StringComparison.Ordinal);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (!isYear || value is >= 1900 and <= 2200))
        {
            return value;
        }

        result.AddError(isYear ? CliMessages.ExpectedYear(option, text) : CliMessages.ExpectedWholeNumber(option, text));
        return null;
    }

    private static double? Real(ArgumentResult result, string option)
    {
        var text = result.Tokens[^1].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError(CliMessages.ExpectedNumber(option, text));
        return null;
    }
}
