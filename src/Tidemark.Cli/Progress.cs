using Tidemark.Automation;

namespace Tidemark.Cli;

/// <summary>
/// A one-line progress counter on standard error while long work runs, shown only when standard error is a
/// terminal so that logs and pipes stay clean.
/// </summary>
internal sealed class Progress : IProgress<ScanResult>
{
    private readonly TextWriter? writer;
    private readonly string label;
    private readonly int total;
    private int done;

    private Progress(TextWriter? writer, string label, int total)
    {
        this.writer = writer;
        this.label = label;
        this.total = total;
        Write();
    }

    public static Progress Start(CliEnvironment env, string label, int total) => new(env.ErrorIsTerminal ? env.Error : null, label, total);

    public void Report(ScanResult value)
    {
        Interlocked.Increment(ref done);
        Write();
    }

    public void Done()
    {
        writer?.Write("\r\u001b[2K");
        writer?.Flush();
    }

    private void Write()
    {
        if (writer is null)
        {
            return;
        }
        lock (writer)
        {
            writer.Write($"\r\u001b[2K{label}… {Volatile.Read(ref done)}/{total}");
            writer.Flush();
        }
    }
}
