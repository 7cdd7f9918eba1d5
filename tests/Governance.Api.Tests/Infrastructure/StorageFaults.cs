using System.Diagnostics;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// Real storage faults for a SQLite file: the file made unwritable (immutable for root, whom file modes do not stop),
/// or a folder on a small file system that fills up. Only the database file is made unwritable, as an operator's
/// chmod or a restore gone wrong would: SQLite maps its -shm file into memory, and a mapped file that turns
/// immutable kills the process with SIGBUS at the next write, which no program can answer.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class StorageFaults
{
    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a system command to its end; throws with what it printed when it fails (also used by ThrowAwayPostgres).</summary>
    public static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error} {output.Result}");
    }

    public static void MakeReadOnly(string file)
    {
        if (IsRoot)
            Run("chattr", "+i", file);
        else
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
    }

    public static void MakeWritable(string file)
    {
        if (IsRoot)
            Run("chattr", "-i", file);
        else
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.UserWrite);
    }

    /// <summary>Mounts a file system of the given size on the folder: needs root; the caller skips otherwise.</summary>
    public static bool TryMountSmall(string folder, int megabytes, out string whyNot)
    {
        whyNot = "";
        if (!IsRoot)
        {
            whyNot = "a full disk is simulated by mounting a small tmpfs, which needs root";
            return false;
        }

        try
        {
            Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder);
            return true;
        }
        catch (InvalidOperationException e)
        {
            whyNot = $"mounting a small tmpfs was refused ({e.Message.Trim()})";
            return false;
        }
    }

    public static void Unmount(string folder) => Run("umount", "-l", folder);

    /// <summary>Fills the file system holding the folder, leaving nothing free.</summary>
    public static string Fill(string folder)
    {
        var filler = Path.Combine(folder, "filler");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
                stream.Write(block);
        }
        catch (IOException)
        {
        }

        return filler;
    }
}
