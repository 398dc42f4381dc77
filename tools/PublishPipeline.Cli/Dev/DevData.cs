namespace PublishPipeline.Cli.Dev;

/// <summary>
/// The dev host's data folder (.dev by default: Azurite's files in azurite/, received mail in mail/), held with a lock
/// file for as long as the host runs, so a second <c>pubpipe dev</c> never starts an Azurite on the same files.
/// </summary>
internal sealed class DevData : IDisposable
{
    private const string LockFileName = "pubpipe-dev.lock";
    private readonly FileStream lockFile;

    private DevData(string directory, FileStream lockFile)
    {
        Directory = directory;
        this.lockFile = lockFile;
    }

    public string Directory { get; }

    public string Azurite => Path.Combine(Directory, "azurite");

    public string Mail => Path.Combine(Directory, "mail");

    public static DevData Open(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            // A record lock, not FileShare.None: pubpipe turns .NET's emulated share locks off (System.IO.DisableFileLocking).
            var lockFile = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
            try
            {
                if (!OperatingSystem.IsMacOS())
                {
                    lockFile.Lock(0, 1);
                }
            }
            catch
            {
                lockFile.Dispose();
                throw;
            }

            return new DevData(directory, lockFile);
        }
        catch (IOException)
        {
            throw new DevHostException($"{directory} is in use by another pubpipe dev: stop it first (its Azurite keeps its files there).");
        }
    }

    /// <summary>Deletes everything in the data folder but the lock; returns what it deleted, for the person to read.</summary>
    public IReadOnlyList<string> Clear()
    {
        var cleared = new List<string>();
        foreach (var entry in new DirectoryInfo(Directory).EnumerateFileSystemInfos())
        {
            if (entry.Name == LockFileName)
            {
                continue;
            }

            var what = entry switch
            {
                DirectoryInfo { Name: "azurite" } => "Azurite's blobs, queues and tables",
                DirectoryInfo { Name: "mail" } d => $"{d.EnumerateFiles("*.json").Count()} received email(s)",
                _ => null,
            };
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }

            cleared.Add(what is null ? entry.FullName : $"{entry.FullName} ({what})");
        }

        return cleared;
    }

    public void Dispose() => lockFile.Dispose();
}
