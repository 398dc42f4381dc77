using System.IO.Compression;
using System.Text;
using PublishPipeline.Reading;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace PublishPipeline.Tests.Reading.Pdf;

/// <summary>
/// PDFs made in code the way Word and WPS export a report: A4 pages with a page number ("- 3 -") drawn first, a
/// large centred title, paragraphs wrapped at the margin with a two-character first-line indent, and tables drawn
/// row by row with each label wrapped inside its cell and the values beside its last line. Chinese text needs a
/// TrueType (glyf) font with CJK glyphs that PdfPig can subset: Debian's fonts-arphic-gbsn00lp (scripts/install-system-packages.sh installs it).
/// </summary>
internal static class PdfFixtures
{
    public const string FontPath = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";

    private static readonly Lazy<byte[]> FontBytes = new(() => File.Exists(FontPath)
        ? File.ReadAllBytes(FontPath)
        : throw new InvalidOperationException($"{FontPath} not found: PDF fixture tests NOT RUN. Install Debian's fonts-arphic-gbsn00lp (scripts/install-system-packages.sh)."));

    // The fallback font has the CJK glyphs only: Latin letters, digits and ASCII punctuation are set in Helvetica.
    private static readonly Lazy<TrueTypeFont> CjkFont = new(() => TrueTypeFontParser.Parse(new TrueTypeDataBytes(new MemoryInputBytes(FontBytes.Value))));

    /// <summary>
    /// A text file's layout written as a PDF (its narrative, headings and table rows as an exported draft shows them);
    /// <paramref name="rotation"/> turns every page by /Rotate, as a landscape page or a rotated scan-to-PDF has it.
    /// </summary>
    public static byte[] FromText(string text, int rotation = 0)
    {
        var writer = new Writer(rotation);
        var titleDone = false;
        foreach (var item in PlainTextLayout.Split(text))
        {
            switch (item)
            {
                case NarrativeItem narrative when !titleDone && narrative.Text.Contains("年度报告", StringComparison.Ordinal):
                    writer.Title(narrative.Text);
                    titleDone = true;
                    break;
                case NarrativeItem narrative:
                    writer.Paragraph(narrative.Text);
                    break;
                case HeadingItem heading:
                    writer.Paragraph(heading.Section.Number + "、" + heading.Heading);
                    break;
                case TableRowItem row:
                    writer.Row(row.Cells);
                    break;
            }
        }

        return writer.Build();
    }

    /// <summary>
    /// Whether every character of <paramref name="text"/> has a glyph here: the CJK font is a GB2312 one (no traditional
    /// characters such as 縣), and Helvetica sets ASCII only.
    /// </summary>
    public static bool CanDraw(string text) => text.All(ch => ch < 0x80 || CjkFont.Value.TryGetBoundingBox(ch, out _));

    /// <summary>Pages of plain paragraphs (for size and page-count limits).</summary>
    public static byte[] Paragraphs(int pages, string paragraph)
    {
        var writer = new Writer();
        for (var i = 0; i < pages; i++)
        {
            writer.Paragraph(paragraph);
            writer.NewPage();
        }

        return writer.Build();
    }

    /// <summary>A scan: every page one picture and no text layer.</summary>
    public static byte[] Scanned(int pages)
    {
        var builder = new PdfDocumentBuilder();
        var png = GreyPng(64, 64);
        for (var i = 0; i < pages; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddPng(png, new PdfRectangle(40, 40, 555, 800));
        }

        return builder.Build();
    }

    /// <summary>
    /// A password-protected PDF: an Encrypt dictionary (standard handler, RC4 40-bit) whose /U entry matches no empty
    /// user password, so it cannot be opened without one.
    /// </summary>
    public static byte[] PasswordProtected()
    {
        var plain = Encoding.Latin1.GetString(Paragraphs(1, "2021年某局政府信息公开工作年度报告"));
        var trailer = plain.LastIndexOf("trailer", StringComparison.Ordinal);
        var dictionaryStart = plain.IndexOf("<<", trailer, StringComparison.Ordinal);
        var filler = new string('A', 64);
        var encrypt = $"/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <{filler}> /U <{filler}> >> /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ";
        return Encoding.Latin1.GetBytes(plain.Insert(dictionaryStart + 2, " " + encrypt));
    }

    /// <summary>A valid PNG of one grey colour (zlib-compressed scanlines, CRC-checked chunks).</summary>
    private static byte[] GreyPng(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteInt(header, 0, width);
        WriteInt(header, 4, height);
        header[8] = 8;
        header[9] = 0;
        Chunk(output, "IHDR", header);
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            var line = new byte[width + 1];
            Array.Fill(line, (byte)0x80, 1, width);
            for (var y = 0; y < height; y++)
            {
                zlib.Write(line);
            }
        }

        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        WriteInt(length, 0, data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        WriteInt(crc, 0, (int)Crc32(typed));
        output.Write(crc);
    }

    private static void WriteInt(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Lays text out on A4 pages. PdfPig's simple TrueType font holds 255 characters, so each 255 get a font of their own.</summary>
    private sealed class Writer(int rotation = 0)
    {
        private const double Left = 74;
        private const double Right = 522;
        private const double Top = 770;
        private const double Bottom = 70;
        private const double BodySize = 16;
        private const double TableSize = 10;
        private const double LabelWidth = 18;
        private const double ColumnWidth = 2.8;

        private readonly PdfDocumentBuilder builder = new();
        private readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Characters)> fonts = [];
        private PdfDocumentBuilder.AddedFont? latin;
        private PdfPageBuilder? page;
        private int pageNumber;
        private double y;

        public void Title(string text)
        {
            EnsureRoom(2.5 * 22);
            var width = Width(text, 22);
            Draw(text, Math.Max(Left, (Left + Right - width) / 2), 22);
            y -= 2.5 * 22;
        }

        /// <summary>A paragraph wrapped at the right margin, its first line indented by two characters.</summary>
        public void Paragraph(string text)
        {
            var indent = 2 * BodySize;
            var line = new StringBuilder();
            var width = 0.0;
            foreach (var ch in text)
            {
                var w = CharWidth(ch, BodySize);
                if (Left + indent + width + w > Right && line.Length > 0)
                {
                    LineOut(line.ToString(), Left + indent, BodySize);
                    line.Clear();
                    width = 0;
                    indent = 0;
                }

                line.Append(ch);
                width += w;
            }

            if (line.Length > 0)
            {
                LineOut(line.ToString(), Left + indent, BodySize);
            }
        }

        /// <summary>
        /// A table row: its label cells (a group such as （三）不予公开 and the row's own label) side by side in the label
        /// columns, each wrapped inside its width, and the other cells in the value columns beside the label's last line.
        /// </summary>
        public void Row(IReadOnlyList<string> cells)
        {
            var printed = cells.Select(CellParser.Trim).Where(c => c.Length > 0).ToList();
            if (printed.Count == 0)
            {
                return;
            }

            var firstValue = printed.FindIndex(IsValueLike);
            var labelCount = firstValue < 0 ? 1 : Math.Max(firstValue, 0);
            var labels = printed.Take(labelCount).ToList();
            var rest = printed.Skip(labelCount).ToList();

            // One label gets the whole label zone; a group and its row share it.
            var widths = labels.Count <= 1 ? [LabelWidth] : labels.Select((_, i) => i == 0 ? 7.0 : (LabelWidth - 8.5) / (labels.Count - 1)).ToArray();
            var fragments = labels.Select((label, i) => Wrap(label, (int)widths[i])).ToList();
            var height = fragments.Count == 0 ? 1 : fragments.Max(f => f.Count);
            EnsureRoom(height * 1.6 * TableSize);

            // Word and WPS draw a row cell by cell; a shorter cell is centred, so its text sits on the row's last line.
            var x = Left;
            for (var c = 0; c < fragments.Count; c++)
            {
                var offset = height - fragments[c].Count;
                for (var i = 0; i < fragments[c].Count; i++)
                {
                    Draw(fragments[c][i], x, TableSize, y - (offset + i) * 1.6 * TableSize);
                }

                x += (widths[c] + 1.5) * TableSize;
            }

            y -= (height - 1) * 1.6 * TableSize;
            var column = Left + (LabelWidth + 1.5) * TableSize;
            foreach (var cell in rest)
            {
                if (column + Width(cell, TableSize) > Right + 40)
                {
                    y -= 1.6 * TableSize;
                    EnsureRoom(1.6 * TableSize);
                    column = Left + (LabelWidth + 1.5) * TableSize;
                }

                Draw(cell, column, TableSize);
                column += Math.Max(ColumnWidth * TableSize, Width(cell, TableSize) + 1.5 * TableSize);
            }

            y -= 1.6 * TableSize;
        }

        private static List<string> Wrap(string text, int width)
        {
            // A row with a dozen label cells leaves each under one character of width: wrap at one, never at zero (an endless loop).
            width = Math.Max(1, width);
            var fragments = new List<string>();
            for (var start = 0; start < text.Length; start += width)
            {
                fragments.Add(text.Substring(start, Math.Min(width, text.Length - start)));
            }

            return fragments;
        }

        private static bool IsValueLike(string cell) =>
            cell is "/" or "-" || (cell.Length <= 8 && char.IsAsciiDigit(cell[0]) && !cell.Contains('.', StringComparison.Ordinal) && !cell.Contains('、', StringComparison.Ordinal))
            || (cell.Length <= 8 && cell.All(ch => char.IsAsciiDigit(ch) || ch is '.' or '万' or '元'));

        public void NewPage()
        {
            page = null;
        }

        public byte[] Build() => builder.Build();

        private void LineOut(string text, double x, double size, double leading = 1.75)
        {
            EnsureRoom(leading * size);
            Draw(text, x, size);
            y -= leading * size;
        }

        private void EnsureRoom(double height)
        {
            if (page is not null && y - height >= Bottom)
            {
                return;
            }

            page = builder.AddPage(PageSize.A4);
            if (rotation != 0)
            {
                page.SetRotation(new PageRotationDegrees(rotation));
            }

            pageNumber++;
            y = Top;

            // Word and WPS draw the footer first: in content order the page number comes before the page's text.
            var number = $"- {pageNumber} -";
            Draw(number, (Left + Right - Width(number, 12)) / 2, 12, 40);
        }

        /// <summary>Whitespace is a gap, as exports draw it: no glyph, the next word further right.</summary>
        private void Draw(string text, double x, double size, double? baseline = null)
        {
            var at = x;
            foreach (var (run, font) in Runs(text))
            {
                if (string.IsNullOrWhiteSpace(run))
                {
                    at += 0.3 * size * run.Length;
                    continue;
                }

                var letters = page!.AddText(run, size, new PdfPoint(at, baseline ?? y), font);
                at = letters.Count > 0 ? letters[^1].EndBaseLine.X : at;
            }
        }

        /// <summary>The text cut into runs that each use one font, adding a font whenever the characters outgrow one.</summary>
        private IEnumerable<(string Run, PdfDocumentBuilder.AddedFont Font)> Runs(string text)
        {
            var run = new StringBuilder();
            PdfDocumentBuilder.AddedFont? current = null;
            foreach (var ch in text)
            {
                var font = char.IsWhiteSpace(ch) ? null : FontFor(ch);
                if (run.Length > 0 && (!Equals(font, current) || char.IsWhiteSpace(run[^1]) != char.IsWhiteSpace(ch)))
                {
                    yield return (run.ToString(), current!);
                    run.Clear();
                }

                current = font;
                run.Append(ch);
            }

            if (run.Length > 0)
            {
                yield return (run.ToString(), current!);
            }
        }

        private PdfDocumentBuilder.AddedFont FontFor(char ch)
        {
            if (!CjkFont.Value.TryGetBoundingBox(ch, out _))
            {
                latin ??= builder.AddStandard14Font(Standard14Font.Helvetica);
                return latin;
            }

            foreach (var (font, characters) in fonts)
            {
                if (characters.Contains(ch))
                {
                    return font;
                }
            }

            if (fonts.Count == 0 || fonts[^1].Characters.Count >= 250)
            {
                fonts.Add((builder.AddTrueTypeFont(FontBytes.Value), []));
            }

            fonts[^1].Characters.Add(ch);
            return fonts[^1].Font;
        }

        private static double Width(string text, double size) => text.Sum(ch => CharWidth(ch, size));

        private static double CharWidth(char ch, double size) => ch < 0x2E80 ? 0.55 * size : size;
    }
}
