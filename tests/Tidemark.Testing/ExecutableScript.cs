using System.Diagnostics;

namespace Tidemark.Testing;

/// <summary>
/// Writes a script that a test runs at once. Written by this process, the file could still be open for writing in a
/// child that another test forked at that moment (until the child's exec closes it), and running it then fails with
/// "Text file busy" (ETXTBSY). So a short-lived <c>/bin/sh</c> writes it from a pipe and marks it executable: no
/// descriptor of the file ever exists in this process.
/// </summary>
public static class ExecutableScript
{
    public static string Write(string path, string text, string mode = "700")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("test scripts need a POSIX shell");
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", "cat > \"$1\" && chmod \"$2\" \"$1\"", "sh", path, mode })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(text.ReplaceLineEndings("\n"));
        process.StandardInput.Close();
        process.WaitForExit();
        return process.ExitCode == 0 ? path : throw new IOException($"could not write the script {path}: {error.Result.Trim()}");
    }

    public static Task<string> WriteAsync(string path, string text, string mode = "700") => Task.Run(() => Write(path, text, mode));
}
