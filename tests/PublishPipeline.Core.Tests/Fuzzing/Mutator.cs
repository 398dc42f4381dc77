using System.IO.Compression;
using System.Text;

namespace PublishPipeline.Fuzzing;

/// <summary>
/// Deterministic mutations of a seed (the same <see cref="Random"/> seed gives the same bytes): what AFL++ does to
/// bytes (bit flips, interesting values, inserted, deleted, duplicated and repeated chunks, truncation, splicing) plus
/// the tokens each format is parsed by, and for Word files the XML parts inside the zip, re-zipped, or the zip's own
/// headers. Each mutation says what it did, so a failure names the input's history as well as its seed.
/// </summary>
internal static class Mutator
{
    private static readonly string[] MarkupTokens =
    [
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=\"2147483647\">", "<td rowspan=\"99999\">",
        "<td colspan=\"-1\">", "<td rowspan=\"0\">", "<div>", "</div>", "<p>", "<br>", "<!--", "-->", "<![CDATA[", "]]>",
        "<script>", "&#0;", "&#x10FFFF;", "&nbsp;", "<tbody>", "<caption>", "<svg><math><table>",
    ];

    private static readonly string[] TextTokens =
    [
        "|", " | ", "\n", "\r\n", "\r", "\t", "一、总体情况\n", "二、主动公开政府信息情况\n", "三、收到和处理政府信息公开申请情况\n",
        "（一）", "第二十条第（一）项", "本年新收政府信息公开申请数量", "0", "9999999999999999999999", "-1", "1.5", "１２",
        "\uFEFF", "\u200B", "\u3000", "\uFFFD", "年度报告", "2021年", "政府信息公开工作年度报告", "合计", "总计", "（二）",
    ];

    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", "null", "true", "\"\"", "1e309", "-0", "0.0000001", "9223372036854775808", "\"\\u0000\"",
        "\"\\ud800\"", "[[[[[[[[[[", "{\"a\":", ",", ":", "\"schema\":", "\"report\":null", "\"tables\":{}", "NaN",
    ];

    private static readonly string[] WordXmlTokens =
    [
        "<w:p>", "</w:p>", "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:gridSpan w:val=\"2147483647\"/>",
        "<w:gridSpan w:val=\"-5\"/>", "<w:vMerge/>", "<w:vMerge w:val=\"restart\"/>", "<w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"1\"/></w:numPr>",
        "<w:br/>", "<w:t>", "</w:t>", "<w:tab/>", "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:ins>", "<w:del>",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;", "<w:altChunk r:id=\"rId9\"/>", "<w:lvlText w:val=\"%1%2%3%9\"/>",
    ];

    /// <summary>One to four stacked mutations of <paramref name="seed"/>; <paramref name="history"/> says which.</summary>
    public static byte[] Mutate(string target, byte[] seed, IReadOnlyList<byte[]> others, Random random, List<string> history)
    {
        var bytes = seed;
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            bytes = target == "docx" && random.Next(3) != 0 && IsZip(bytes)
                ? MutateZip(bytes, random, history)
                : MutateBytes(bytes, TokensFor(target), others, random, history);
        }

        return bytes;
    }

    private static string[] TokensFor(string target) => target switch
    {
        "html" => [.. MarkupTokens, .. TextTokens],
        "json" => JsonTokens,
        "docx" => WordXmlTokens,
        "pdf" => ["obj", "endobj", "stream", "endstream", "xref", "trailer", "/Length 999999999", "<<", ">>", "/Encrypt", "%%EOF", "/Type /Page"],
        _ => TextTokens,
    };

    public static byte[] MutateBytes(byte[] input, string[] tokens, IReadOnlyList<byte[]> others, Random random, List<string> history)
    {
        var bytes = new List<byte>(input);
        int At(bool end = false) => random.Next(bytes.Count + (end ? 1 : 0));
        switch (random.Next(10))
        {
            case 0 when bytes.Count > 0:
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips; i++)
                {
                    var at = At();
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }

                history.Add($"flip {flips} bits");
                break;
            case 1 when bytes.Count > 0:
                byte[] interesting = [0, 0xFF, 0x7F, 0x80, 0xC0, 0xE4, 0xFE, (byte)'<', (byte)'>', (byte)'|', (byte)'\n', (byte)'"', (byte)'9'];
                var position = At();
                bytes[position] = interesting[random.Next(interesting.Length)];
                history.Add($"set byte {position} to 0x{bytes[position]:X2}");
                break;
            case 2:
                var insert = new byte[1 + random.Next(64)];
                random.NextBytes(insert);
                var into = At(end: true);
                bytes.InsertRange(into, insert);
                history.Add($"insert {insert.Length} random bytes at {into}");
                break;
            case 3 when bytes.Count > 1:
                var from = At();
                var length = 1 + random.Next(Math.Min(bytes.Count - from, 1 + (bytes.Count / 4)));
                bytes.RemoveRange(from, length);
                history.Add($"delete {length} bytes at {from}");
                break;
            case 4 when bytes.Count > 1:
                var start = At();
                var chunk = bytes.GetRange(start, 1 + random.Next(Math.Min(bytes.Count - start, 256)));
                // Repeated many times, a chunk holding an opening tag or a heading builds deep nesting and long documents.
                var times = random.Next(4) == 0 ? 1 + random.Next(2000) : 1;
                var target = At(end: true);
                bytes.InsertRange(target, Enumerable.Repeat(chunk, times).SelectMany(c => c));
                history.Add($"duplicate {chunk.Count} bytes from {start} {times}× at {target}");
                break;
            case 5 when bytes.Count > 1:
                var keep = random.Next(bytes.Count);
                bytes.RemoveRange(keep, bytes.Count - keep);
                history.Add($"truncate to {keep}");
                break;
            case 6 when others.Count > 0:
                var other = others[random.Next(others.Count)];
                var cut = At(end: true);
                var otherCut = random.Next(other.Length + 1);
                bytes.RemoveRange(cut, bytes.Count - cut);
                bytes.AddRange(other.AsSpan(otherCut).ToArray());
                history.Add($"splice at {cut} with another seed from {otherCut}");
                break;
            default:
                var token = tokens[random.Next(tokens.Length)];
                var repeat = random.Next(5) == 0 ? 1 + random.Next(5000) : 1;
                var tokenAt = At(end: true);
                bytes.InsertRange(tokenAt, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(token, repeat))));
                history.Add($"insert token {Printable(token)} {repeat}× at {tokenAt}");
                break;
        }

        return [.. bytes];
    }

    private static byte[] MutateZip(byte[] docx, Random random, List<string> history)
    {
        if (random.Next(4) == 0)
        {
            return MutateZipHeaders(docx, random, history);
        }

        List<(string Name, byte[] Bytes)> entries;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
            entries = archive.Entries.Select(e =>
            {
                using var stream = e.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return (e.FullName, copy.ToArray());
            }).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            history.Add("(zip no longer opens: bytes mutated instead)");
            return MutateBytes(docx, WordXmlTokens, [], random, history);
        }

        if (entries.Count == 0 || entries.Exists(e => e.Name.Length == 0))
        {
            // An earlier mutation broke the names beyond what ZipArchive will write back.
            history.Add("(zip entries unusable: bytes mutated instead)");
            return MutateBytes(docx, WordXmlTokens, [], random, history);
        }

        // The body most of the time: that is where the reader does most of its work.
        var index = random.Next(3) != 0 && entries.FindIndex(e => e.Name == "word/document.xml") is >= 0 and var main
            ? main
            : random.Next(entries.Count);
        var (name, bytes) = entries[index];
        switch (random.Next(6))
        {
            case 0:
                entries.RemoveAt(index);
                history.Add($"remove zip entry {name}");
                break;
            case 1:
                entries.Add((name, bytes));
                history.Add($"duplicate zip entry {name}");
                break;
            default:
                entries[index] = (name, MutateBytes(bytes, WordXmlTokens, [], random, history));
                history.Add($"(in zip entry {name})");
                break;
        }

        try
        {
            using var output = new MemoryStream();
            using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (entryName, content) in entries)
                {
                    using var stream = archive.CreateEntry(entryName, CompressionLevel.Fastest).Open();
                    stream.Write(content);
                }
            }

            return output.ToArray();
        }
        catch (Exception ex) when (ex is IOException or ArgumentException)
        {
            history.Add("(zip entries unusable: bytes mutated instead)");
            return MutateBytes(docx, WordXmlTokens, [], random, history);
        }
    }

    /// <summary>Lies in the zip's own records: sizes, offsets, counts and methods in local and central headers.</summary>
    private static byte[] MutateZipHeaders(byte[] zip, Random random, List<string> history)
    {
        var bytes = (byte[])zip.Clone();
        var headers = new List<int>();
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] is 1 or 3 or 5 && bytes[i + 3] is 2 or 4 or 6)
            {
                headers.Add(i);
            }
        }

        if (headers.Count == 0)
        {
            return MutateBytes(bytes, WordXmlTokens, [], random, history);
        }

        var header = headers[random.Next(headers.Count)];
        var field = header + 4 + random.Next(40);
        uint[] values = [0, 1, 0xFFFF, 0xFFFFFFFF, 0x7FFFFFFF, (uint)bytes.Length, 8, 12, 14, 99];
        var value = values[random.Next(values.Length)];
        for (var i = 0; i < 4 && field + i < bytes.Length; i++)
        {
            bytes[field + i] = (byte)(value >> (8 * i));
        }

        history.Add($"zip header at {header}: write {value} at +{field - header}");
        return bytes;
    }

    private static bool IsZip(byte[] bytes) => bytes.AsSpan().StartsWith("PK\u0003\u0004"u8);

    private static string Printable(string token) =>
        token.Length > 40 ? token[..40] + "…" : token.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
