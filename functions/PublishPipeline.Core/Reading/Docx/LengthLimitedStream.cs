namespace PublishPipeline.Reading.Docx;

/// <summary>
/// A read-only view of a stream that fails once more than a set number of bytes has been read, so a part whose
/// declared size lies cannot expand without bound.
/// </summary>
internal sealed class LengthLimitedStream(Stream inner, long maxBytes) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int n)
    {
        read += n;
        if (read > maxBytes)
        {
            throw new DocxLimitException($"文件中的某个部件解压后超过 {maxBytes / 1024 / 1024} MB 的上限");
        }

        return n;
    }
}
