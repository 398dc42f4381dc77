using Azure;
using PublishPipeline.Pipeline;

namespace PublishPipeline.Tests.Pipeline;

public class IngestReceiptTests
{
    [Fact]
    public void Quoted_and_bare_etags_of_the_same_version_give_the_same_key() =>
        Assert.Equal(IngestReceipt.KeyFor("a/2020/x.txt", new ETag("\"0x8DE1\"")), IngestReceipt.KeyFor("a/2020/x.txt", new ETag("0x8DE1")));

    [Fact]
    public void Another_version_or_blob_gives_another_key()
    {
        var key = IngestReceipt.KeyFor("a/2020/x.txt", new ETag("0x8DE1"));
        Assert.NotEqual(key, IngestReceipt.KeyFor("a/2020/x.txt", new ETag("0x8DE2")));
        Assert.NotEqual(key, IngestReceipt.KeyFor("a/2020/y.txt", new ETag("0x8DE1")));
        Assert.Equal(key.RowKey[..2], key.PartitionKey);
    }
}
