namespace PublishPipeline.Notices.Components;

/// <summary>Inline styles: many mail clients drop &lt;style&gt; blocks, so every element carries its own.</summary>
internal static class EmailStyles
{
    public const string Body = "margin:0;padding:16px;background:#ffffff;color:#1f2328;font-family:PingFang SC,Microsoft YaHei,Noto Sans CJK SC,sans-serif;font-size:14px;line-height:1.7;";

    public const string Container = "max-width:760px;margin:0 auto;";

    public const string Heading = "font-size:16px;margin:20px 0 8px;color:#1f2328;";

    public const string ErrorHeading = "font-size:16px;margin:20px 0 8px;color:#9f1c1c;";

    public const string Table = "border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px;";

    public const string HeadCell = "border:1px solid #8c959f;background:#f3f4f6;padding:6px 8px;text-align:left;white-space:nowrap;";

    public const string Cell = "border:1px solid #8c959f;padding:6px 8px;vertical-align:top;";

    /// <summary>A rule id (D1, B4) never breaks over two lines.</summary>
    public const string RuleCell = "border:1px solid #8c959f;padding:6px 8px;vertical-align:top;white-space:nowrap;";

    public const string NumberCell = "border:1px solid #8c959f;padding:6px 8px;vertical-align:top;text-align:right;white-space:nowrap;";

    public const string Reason = "margin:12px 0;padding:10px 12px;border-left:4px solid #9f1c1c;background:#fdf2f2;";

    /// <summary>The 修改建议 block: set apart from the findings, green because it is help, not another error.</summary>
    public const string Suggestion = "margin:8px 0 16px;padding:8px 12px;border-left:4px solid #1a7f37;background:#eef8f0;";

    /// <summary>Quoted free text (a reviewer's comments, a reason, an error summary).</summary>
    public const string Quote = "margin:8px 0 16px;padding:10px 12px;border-left:4px solid #8c959f;background:#f6f8fa;";

    /// <summary>The one link the reader should follow.</summary>
    public const string Action = "margin:12px 0;padding:10px 12px;border-left:4px solid #0b4ea2;background:#f0f6fc;";

    public const string FactLabel = "padding:4px 12px 4px 0;color:#57606a;white-space:nowrap;vertical-align:top;";

    public const string FactValue = "padding:4px 0;";

    public const string Muted = "color:#57606a;font-size:12px;margin-top:24px;";
}
