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

    /// <summary>The folders held in this process: record locks do not exclude their own process (tests start several hosts).</summary>
    private static readonly HashSet<string> HeldHere = new(StringComparer.Ordinal);

    public static DevData Open(string directory)
    {
        directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(directory);
        lock (HeldHere)
        {
            if (!HeldHere.Add(directory))
            {
                throw InUse(directory);
            }
        }

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
            Release(directory);
            throw InUse(directory);
        }
    }

    private static DevHostException InUse(string directory) =>
        new($"{directory} is in use by another pubpipe dev: stop it first (its Azurite keeps its files there).");

    private static void Release(string directory)
    {
        lock (HeldHere)
        {
            HeldHere.Remove(directory);
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

    public void Dispose()
    {
        lockFile.Dispose();
        Release(Directory);
    }
}
