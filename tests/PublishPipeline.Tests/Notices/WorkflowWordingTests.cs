using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Notices;

public sealed class WorkflowWordingTests
{
    [Theory]
    [InlineData("一\r\n二\r三\n四", new[] { "一", "二", "三", "四" })]
    [InlineData("一\u2028二\u2029三\u0085四", new[] { "一", "二", "三", "四" })]
    [InlineData("\n\n 一 \n\n二\t末\u0007\n\n", new[] { " 一", "", "二 末" })]
    [InlineData("  \r\n ", new string[0])]
    [InlineData("", new string[0])]
    public void Lines_split_on_every_line_break_and_drop_blank_ends(string text, string[] expected) =>
        Assert.Equal(expected, WorkflowWording.Lines(text));

    [Fact]
    public void No_line_ever_holds_a_control_character() =>
        Assert.All(WorkflowWording.Lines("a\u0000b\u001bc\u007f\r\nd\te"), line => Assert.DoesNotContain(line, char.IsControl));
}
