using System.Diagnostics;
using System.Text;

namespace Tidemark.Testing;

/// <summary>Starts a test server's process with its standard output and error collected into one buffer (shown when it fails to start).</summary>
public static class ServerProcess
{
    public static Process StartCapturing(ProcessStartInfo start, StringBuilder output, string name)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(output);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        DataReceivedEventHandler append = (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
