using System.Text;
using PublishPipeline.Reading;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Reading;

public class DraftReaderTests
{
    private readonly DraftReader reader = new();

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in Corpus.TextFiles())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_file_reads_without_exception(string name)
    {
        var result = reader.Read(name, Corpus.Bytes(name));

        Assert.Equal("text", result.Format);
        Assert.Equal(result.Unreadable, result.Findings.Any(f => f.Rule == "A0"));
        if (!result.Unreadable)
        {
            Assert.NotNull(result.Report);
        }
    }

    [Fact]
    public void Corpus_is_complete()
    {
        Assert.Equal(30, Corpus.TextFiles().Count());
    }

    [Fact]
    public void Old_pre_2019_report_is_a0_old_format()
    {
        var result = reader.Read("2015-mofcom-old.txt", Corpus.Bytes("2015-mofcom-old.txt"));

        Assert.True(result.Unreadable);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("A0", finding.Rule);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("旧格式", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8bom")]
    [InlineData("utf16le")]
    [InlineData("utf16be")]
    public void Seed_reads_the_same_in_every_supported_encoding(string encoding)
    {
        var text = File.ReadAllText(Corpus.File(Corpus.SeedName));
        var bytes = encoding switch
        {
            "utf8" => Encoding.UTF8.GetBytes(text),
            "utf8bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };

        var result = reader.Read("draft.txt", bytes);

        Assert.False(result.Unreadable);
        Assert.Equal("2019", result.Report!.Template);
        Assert.Equal(57m, result.Report.Tables.Requests!["new"][6].Number);
    }

    public static TheoryData<string, byte[], string> BadInputs() => new()
    {
        { "empty.txt", [], "文件为空" },
        { "blank.txt", "   \n\n"u8.ToArray(), "文件为空" },
        { "image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "无法识别的文件格式" },
        { "draft.txt", [0xE4, 0xB8, 0x80, 0xFF, 0x41], "无法识别的文件格式" },
        { "draft", [0xC3, 0x28, 0xA0, 0xA1], "无法识别的文件格式" },
        { "note.txt", "会议纪要\n今天讨论了食堂菜单和停车位安排。\n"u8.ToArray(), "不是政府信息公开工作年度报告" },
        { "draft.pdf", "%PDF-1.7\n"u8.ToArray(), "PDF 文件已损坏或不完整" },
        { "draft.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "文件已损坏或不完整" },
        { "draft.html", "<html><body><nav>首页</nav><p>今天讨论了食堂菜单。</p></body></html>"u8.ToArray(), "不是政府信息公开工作年度报告" },
        { "draft.json", "{ not json"u8.ToArray(), "JSON 无法解析" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_a0_unreadable_with_a_clear_message(string name, byte[] content, string message)
    {
        var result = reader.Read(name, content);

        Assert.True(result.Unreadable);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("A0", finding.Rule);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_in_the_contract_shape_is_read_back()
    {
        var document = new ReportDocument { Report = new TextReportReader().Read(File.ReadAllText(Corpus.File(Corpus.SeedName))) };

        var result = reader.Read("fuyang.json", ReportJson.SerializeToUtf8(document));

        Assert.False(result.Unreadable);
        Assert.Equal("json", result.Format);
        Assert.Equal(document.Report.Tables.Requests!["total"], result.Report!.Tables.Requests!["total"]);
    }
}
