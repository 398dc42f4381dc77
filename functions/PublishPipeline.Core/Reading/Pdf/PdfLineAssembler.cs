using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace PublishPipeline.Reading.Pdf;

/// <summary>
/// Turns a page's letters, in the order the page draws them, into lines of cells. Word and WPS exports draw a table
/// row by row and each row's cells left to right, so content order keeps a row's values on the line of its label,
/// where a geometric sort would scatter a wrapped label and its values over three lines. A new line starts where the
/// baseline moves by most of a line height; a new cell where the gap to the previous letter is wider than an em (a
/// table column) or runs backwards (the next cell of a stacked header); a narrower gap, or a space glyph, is one space.
/// Positions are taken along and across the page's own writing direction, the direction most of its letters run in:
/// a page turned by /Rotate (a landscape table) reads like any other, and letters at another angle (a watermark, a
/// stamp) are not part of the text.
/// </summary>
internal static class PdfLineAssembler
{
    // Fractions of the font size. Sentence spacing around numbers ("2024 年") is 0.2–0.5 em; table columns are ≥ 1.3 em apart.
    private const double NewLineShift = 0.9;
    private const double CellGap = 1.0;
    private const double SpaceGap = 0.15;
    private const double BackwardsGap = -0.5;

    public static void Assemble(Page page, List<PdfLine> lines, ref long characters, ref long hanzi)
    {
        var segments = new List<string>();
        var segment = new StringBuilder();
        Letter? previous = null;
        Letter? first = null;
        var spacePending = false;
        var sizeSum = 0.0;
        var sizeCount = 0;

        var (orientation, dx, dy) = WritingDirection(page.Letters);
        double Along(PdfPoint p) => (p.X * dx) + (p.Y * dy);
        double Across(PdfPoint p) => (p.Y * dx) - (p.X * dy);

        foreach (var letter in page.Letters)
        {
            if (letter.TextOrientation != orientation || string.IsNullOrEmpty(letter.Value))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                spacePending = previous is not null;
                continue;
            }

            var size = SizeOf(letter);
            if (previous is not null)
            {
                var shift = Math.Abs(Across(previous.StartBaseLine) - Across(letter.StartBaseLine));
                var gap = (Along(letter.StartBaseLine) - Along(previous.EndBaseLine)) / size;
                if (shift > NewLineShift * Math.Min(size, SizeOf(previous)))
                {
                    Close();
                }
                else if (gap > CellGap || gap < BackwardsGap)
                {
                    EndSegment();
                }
                else if ((spacePending || gap > SpaceGap) && segment.Length > 0)
                {
                    segment.Append(' ');
                }
            }

            first ??= letter;
            segment.Append(letter.Value);
            characters += letter.Value.Length;
            foreach (var ch in letter.Value)
            {
                hanzi += IsHanzi(ch) ? 1 : 0;
            }

            sizeSum += size;
            sizeCount++;
            previous = letter;
            spacePending = false;
        }

        Close();

        void EndSegment()
        {
            if (segment.Length > 0)
            {
                segments.Add(segment.ToString());
                segment.Clear();
            }
        }

        void Close()
        {
            EndSegment();
            if (segments.Count > 0 && first is not null && previous is not null)
            {
                lines.Add(new PdfLine(page.Number, [.. segments], Along(first.StartBaseLine), Along(previous.EndBaseLine), Across(first.StartBaseLine), sizeSum / sizeCount));
            }

            segments.Clear();
            first = null;
            sizeSum = 0;
            sizeCount = 0;
        }
    }

    /// <summary>The orientation most letters have, and the unit vector they advance along (from their own baselines).</summary>
    private static (TextOrientation Orientation, double Dx, double Dy) WritingDirection(IReadOnlyList<Letter> letters)
    {
        var counts = new int[Enum.GetValues<TextOrientation>().Length];
        foreach (var letter in letters)
        {
            counts[(int)letter.TextOrientation]++;
        }

        var orientation = (TextOrientation)Array.IndexOf(counts, counts.Max());
        if (orientation == TextOrientation.Other)
        {
            return (TextOrientation.Horizontal, 1, 0);
        }

        foreach (var letter in letters)
        {
            var x = letter.EndBaseLine.X - letter.StartBaseLine.X;
            var y = letter.EndBaseLine.Y - letter.StartBaseLine.Y;
            var length = Math.Sqrt((x * x) + (y * y));
            if (letter.TextOrientation == orientation && length > 1e-6)
            {
                return (orientation, x / length, y / length);
            }
        }

        return (TextOrientation.Horizontal, 1, 0);
    }

    private static bool IsHanzi(char ch) => ch is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>The size the letter is drawn at; a font with a degenerate matrix falls back to the glyph's height.</summary>
    private static double SizeOf(Letter letter)
    {
        var size = letter.PointSize;
        if (size is > 0.5 and < 500)
        {
            return size;
        }

        var height = letter.BoundingBox.Height;
        return height is > 0.5 and < 500 ? height : 10;
    }
}
