namespace PublishPipeline.Pipeline.Outbox;

/// <summary>
/// An email cannot go out yet because an earlier email of the same version is being sent by another delivery right
/// now; the notify stage's queue delivers the message again after its visibility timeout.
/// </summary>
public sealed class NoticeOrderException(string message) : Exception(message);
