using System.Globalization;

namespace PublishPipeline.Reading.Flattened;

/// <summary>
/// Splits a run of digits printed without cell separators ("713000074", "230 000023") into a row's numbers. Every
/// split is a candidate: numbers have no leading zero except a lone 0, a decimal point stays inside one number of a
/// column that allows decimals, and spaces the run does contain are hard boundaries between cells. Which candidate is
/// the row is for the table's arithmetic to say (<see cref="TableSolver"/>); this class never picks one.
/// </summary>
internal static class RunSplitter
{
    /// <summary>More candidates than this are not listed: the row cannot be read from its digits.</summary>
    public const int MaxCandidates = 2000;

    private const int MaxDigits = 15;

    // A bound on the search itself, so that a hostile run of hundreds of digits costs milliseconds, not minutes.
    private const int MaxSteps = 200_000;

    /// <summary>The result of a split: the candidates found, and whether the list is complete.</summary>
    public sealed record Splits(List<decimal[]> Candidates, bool Complete)
    {
        public bool IsUnique => Complete && Candidates.Count == 1;
    }

    /// <param name="run">The run as printed: digits, decimal points, spaces.</param>
    /// <param name="decimals">Per column, whether the column takes decimals (money); its length is the column count.</param>
    /// <param name="accept">Checked on every complete split (a row total, a group total); null accepts every split.</param>
    /// <param name="groupSize">When set, <paramref name="accept"/> is also asked after every group of this many numbers, to prune early.</param>
    /// <param name="signed">Per column, whether the column takes a negative number (2019's 本年增/减); null when none does.
    /// A minus sign inside a run ("2648-18538") always starts a new cell, which must be such a column.</param>
    public static Splits Split(string run, IReadOnlyList<bool> decimals, Func<decimal[], int, bool>? accept = null, int groupSize = 0, IReadOnlyList<bool>? signed = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(decimals);
        var pieces = run.Replace('－', '-').Replace('−', '-')
            .Split([' ', '\t', '\u3000', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(SplitBeforeMinus)
            .ToArray();
        var candidates = new List<decimal[]>();
        var columns = decimals.Count;
        if (columns == 0 || pieces.Length == 0 || pieces.Any(p => !p.AsSpan(p[0] == '-' ? 1 : 0).ToString().All(c => char.IsAsciiDigit(c) || c == '.')))
        {
            return new Splits(candidates, true);
        }

        var values = new decimal[columns];
        var steps = 0;
        var complete = true;
        Walk(0, 0, 0);
        return new Splits(candidates, complete);

        void Walk(int piece, int offset, int column)
        {
            if (!complete)
            {
                return;
            }

            if (++steps > MaxSteps)
            {
                complete = false;
                return;
            }

            if (offset == pieces[piece].Length)
            {
                if (piece + 1 < pieces.Length)
                {
                    Walk(piece + 1, 0, column);
                    return;
                }

                if (column == columns && (accept is null || accept(values, column)))
                {
                    if (candidates.Count >= MaxCandidates)
                    {
                        complete = false;
                        return;
                    }

                    candidates.Add((decimal[])values.Clone());
                }

                return;
            }

            if (column == columns)
            {
                return;
            }

            // The digits left cannot fill fewer columns than pieces left: each piece needs at least one number.
            var text = pieces[piece];
            // No number is longer than IsNumber allows: past it, every longer piece is refused too, and going on to the
            // end of a run of thousands of digits at every step of the search (found fuzzing: 56,000 digits in a
            // crawled table) took minutes within the step bound.
            var longest = Math.Min(text.Length, offset + 1 + MaxDigits + 8);
            for (var end = offset + 1; end <= longest; end++)
            {
                var number = text.AsSpan(offset, end - offset);
                var negative = number[0] == '-';
                if ((negative && (number.Length == 1 || signed is null || !signed[column]))
                    || !IsNumber(negative ? number[1..] : number, decimals[column]) || (end < text.Length && text[end] == '.'))
                {
                    continue;
                }

                values[column] = decimal.Parse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                if (groupSize > 0 && accept is not null && (column + 1) % groupSize == 0 && column + 1 < columns && !accept(values, column + 1))
                {
                    continue;
                }

                Walk(piece, end, column + 1);
            }
        }
    }

    /// <summary>"2648-18538" is two pieces, "2648" and "-18538": a sign never sits inside a number.</summary>
    private static IEnumerable<string> SplitBeforeMinus(string piece)
    {
        var start = 0;
        for (var i = 1; i < piece.Length; i++)
        {
            if (piece[i] == '-')
            {
                yield return piece[start..i];
                start = i;
            }
        }

        yield return piece[start..];
    }

    /// <summary>A cell's number: a lone 0 or no leading zero; one inner decimal point, only where the column takes one.</summary>
    private static bool IsNumber(ReadOnlySpan<char> text, bool allowDecimal)
    {
        if (text[0] == '.' || text[^1] == '.')
        {
            return false;
        }

        var dot = text.IndexOf('.');
        if (dot >= 0 && (!allowDecimal || text[(dot + 1)..].Contains('.')))
        {
            return false;
        }

        // No table cell runs to 16 digits; a longer number is a wrong split (and would overflow).
        var integer = dot < 0 ? text : text[..dot];
        return (integer.Length == 1 || integer[0] != '0') && integer.Length <= MaxDigits && text.Length <= MaxDigits + 8;
    }

    /// <summary>A split's numbers as text, for messages: "23/0/0/0/0/0/23".</summary>
    public static string Show(IReadOnlyList<decimal> values) =>
        string.Join("/", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
