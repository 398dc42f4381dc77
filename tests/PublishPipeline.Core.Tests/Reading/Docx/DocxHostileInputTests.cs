using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using PublishPipeline.Reading;
using PublishPipeline.Reading.Docx;
using PublishPipeline.Reports;
using static PublishPipeline.Tests.Reading.Docx.DocxFixtures;

namespace PublishPipeline.Tests.Reading.Docx;

public class DocxHostileInputTests
{
    private readonly DraftReader reader = new();

    [Fact]
    public void A_zip_bomb_is_refused_from_its_central_directory_before_anything_expands()
    {
        var bomb = ZipOfZeros(("word/document.xml", 1024L * 1024 * 1024));
        Assert.True(bomb.Length < 8 * 1024 * 1024);
        reader.Read("warm.docx", ZipOfZeros(("word/document.xml", 1024)));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = reader.Read("bomb.docx", bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        AssertA0(result, "压缩炸弹");
        Assert.True(allocated < 4 * 1024 * 1024, $"reading the bomb allocated {allocated} bytes");
    }

    [Fact]
    public void Many_large_entries_are_refused_by_their_total_size()
    {
        // Packed fast, each entry stays under the ratio limit: only the total gives them away.
        var bomb = ZipOfZeros(CompressionLevel.Fastest, ("word/document.xml", 1024), ("word/media/a.bin", 40L * 1024 * 1024), ("word/media/b.bin", 40L * 1024 * 1024), ("word/media/c.bin", 40L * 1024 * 1024));

        AssertA0(reader.Read("bomb.docx", bomb), "超过 100 MB");
    }

    [Fact]
    public void One_entry_with_an_absurd_compression_ratio_is_refused_even_under_the_total_cap()
    {
        var bomb = ZipOfZeros(("word/document.xml", 20L * 1024 * 1024));

        AssertA0(reader.Read("bomb.docx", bomb), "压缩比异常");
    }

    [Fact]
    public void An_external_image_link_is_never_fetched()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var request = listener.GetContextAsync();
        var image = $"""<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="x"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="x.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>""";
        var body = Paragraph("2021年青山街道办事处政府信息公开工作年度报告") + Paragraph("一、总体情况") + image + Paragraph("本年度持续推进政务公开。") + Paragraph("六、其他需要报告的事项") + Paragraph("无。");
        var relationship = $"""<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://127.0.0.1:{port}/x.png" TargetMode="External"/>""";

        var result = reader.Read("linked.docx", Package(body, extraRelationships: relationship));

        Assert.False(result.Unreadable, string.Join("；", result.Findings.Select(f => f.Message)));
        Assert.Equal("本年度持续推进政务公开。", result.Report!.Sections[0].Text);
        Assert.False(request.IsCompleted, "the reader requested the external image");
        listener.Stop();
    }

    [Fact]
    public void Nesting_is_bounded_in_what_the_reader_passes_over_and_in_the_styles_part_too()
    {
        var deep = string.Concat(Enumerable.Repeat("<w:x>", 10_000)) + string.Concat(Enumerable.Repeat("</w:x>", 10_000));
        var body = Paragraph("2021年青山街道办事处政府信息公开工作年度报告") + Paragraph("一、总体情况") + Paragraph("正文。");

        AssertA0(reader.Read("deep-sectpr.docx", Package(body + $"<w:sectPr>{deep}</w:sectPr>")), "嵌套");
        AssertA0(reader.Read("deep-styles.docx", Package(body, stylesXml: $"<w:style w:type=\"paragraph\" w:styleId=\"A\">{deep}</w:style>")), "嵌套");
        Assert.False(reader.Read("shallow.docx", Package(body + "<w:sectPr><w:x><w:x/></w:x></w:sectPr>")).Unreadable);
    }

    [Fact]
    public void A_part_whose_declared_size_lies_is_refused_as_damaged_once_it_expands_past_its_claim()
    {
        var body = Paragraph("2021年青山街道办事处政府信息公开工作年度报告") + string.Concat(Enumerable.Repeat(Paragraph("本年度持续推进政务公开。"), 60_000));
        var bytes = Package(body);
        var honest = new DraftReader(new DocxReadLimits { MaxUncompressedBytes = 4L * 1024 * 1024 });
        AssertA0(honest.Read("long.docx", bytes), "文件解压后超过 4 MB");

        // Claim 1 KB for document.xml in both headers: the central directory passes, the entry stream does not
        // (the zip layer stops at the claimed size; the reader's own length cap stands behind it).
        var result = honest.Read("lying.docx", DeclareSize(bytes, "word/document.xml", 1024));

        AssertA0(result, "文件已损坏或不完整");
    }

    /// <summary>Rewrites an entry's uncompressed size in its local header and its central directory record.</summary>
    private static byte[] DeclareSize(byte[] zip, string name, uint size)
    {
        var patched = (byte[])zip.Clone();
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < patched.Length; i++)
        {
            var local = patched[i] == 'P' && patched[i + 1] == 'K' && patched[i + 2] == 3 && patched[i + 3] == 4;
            var central = patched[i] == 'P' && patched[i + 1] == 'K' && patched[i + 2] == 1 && patched[i + 3] == 2;
            var nameOffset = local ? 30 : 46;
            if ((local || central) && patched.AsSpan(i + nameOffset).StartsWith(nameBytes))
            {
                BitConverter.TryWriteBytes(patched.AsSpan(i + (local ? 22 : 24), 4), size);
            }
        }

        return patched;
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>A real zip whose entries hold the given number of zero bytes (deflate at its best packs zeros about 1000:1).</summary>
    private static byte[] ZipOfZeros(params (string Name, long Bytes)[] entries) => ZipOfZeros(CompressionLevel.SmallestSize, entries);

    private static byte[] ZipOfZeros(CompressionLevel level, params (string Name, long Bytes)[] entries)
    {
        var zeros = new byte[1024 * 1024];
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, size) in entries)
            {
                using var entry = archive.CreateEntry(name, level).Open();
                for (var written = 0L; written < size; written += zeros.Length)
                {
                    entry.Write(zeros, 0, (int)Math.Min(zeros.Length, size - written));
                }
            }
        }

        return stream.ToArray();
    }

    private static void AssertA0(ReadResult result, string message)
    {
        Assert.True(result.Unreadable);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("A0", finding.Rule);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }
}
