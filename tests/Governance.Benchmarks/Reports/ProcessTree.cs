using System.Globalization;

namespace Governance.Benchmarks.Reports;

/// <summary>Resident memory of a process and all its descendants (Chromium runs as many processes), from /proc.</summary>
internal static class ProcessTree
{
    public static long ResidentBytes(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        var total = 0L;
        foreach (var pid in parents.Keys.Where(p => IsDescendant(p, root, parents)))
            total += Rss(pid);
        return total;
    }

    private static bool IsDescendant(int pid, int root, Dictionary<int, int> parents)
    {
        for (var depth = 0; depth < 64; depth++)
        {
            if (pid == root)
                return true;
            if (!parents.TryGetValue(pid, out pid) || pid <= 1)
                return false;
        }
        return false;
    }

    private static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
