using PublishPipeline.Pipeline;
using PublishPipeline.Site;

namespace PublishPipeline.Tests.Site;

/// <summary>The audit trail's "操作人" column: people by their address, the pipeline's stages by what they do, never a key.</summary>
public sealed class ActorNamesTests
{
    [Theory]
    [InlineData(IngestHandler.Actor, "系统（自动校验）")]
    [InlineData(PublishHandler.Actor, "系统（发布）")]
    [InlineData(PoisonHandler.Actor, "系统（故障处理）")]
    [InlineData("system:blob", "系统（直接存入存储的上传）")]
    [InlineData("system:some-future-stage", "系统")]
    [InlineData("reviewer@lanxi-zwgk.example", "reviewer@lanxi-zwgk.example")]
    [InlineData("", "—")]
    public void Each_actor_reads_as_a_person_or_what_the_system_did(string actor, string expected) =>
        Assert.Equal(expected, ActorNames.Chinese(actor));
}
