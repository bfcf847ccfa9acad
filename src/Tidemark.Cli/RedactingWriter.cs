using System.Text;
using Tidemark.Credentials;

namespace Tidemark.Cli;

/// <summary>
/// Passes everything written to <paramref name="inner"/> through the process's redactor, a line at a time: text is
/// held until its line ends (or until <see cref="Flush"/>, for a progress line), so a secret written in pieces is
/// still seen whole, and a secret registered while its line was being written is redacted too. Thread-safe.
/// Example: after <c>redactor.Register(token)</c>, <c>writer.WriteLine($"tidemark: {body}")</c> writes the body
/// with every form of the token replaced by <c>[REDACTED]</c>.
/// </summary>
internal sealed class RedactingWriter(TextWriter inner, ISecretRedactor redactor) : TextWriter(inner.FormatProvider)
{
    private readonly StringBuilder pending = new();
    private readonly Lock gate = new();

    public TextWriter Inner => inner;

    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value)
    {
        lock (gate)
        {
            pending.Append(value);
            if (value == '\n')
            {
                WritePending();
            }
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (gate)
        {
            pending.Append(value);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                WriteCompleteLines();
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + NewLine);

    public override void WriteLine() => Write(NewLine);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(char value)
    {
        Write(value + NewLine);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(char[] buffer, int index, int count)
    {
        Write(new string(buffer, index, count) + NewLine);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        lock (gate)
        {
            WritePending();
            inner.Flush();
        }
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    /// <summary>Writes the complete lines held, keeping an unfinished last line for later.</summary>
    private void WriteCompleteLines()
    {
        var text = pending.ToString();
        var end = text.LastIndexOf('\n') + 1;
        inner.Write(redactor.Redact(text[..end]));
        pending.Clear().Append(text, end, text.Length - end);
    }

    private void WritePending()
    {
        if (pending.Length > 0)
        {
            inner.Write(redactor.Redact(pending.ToString()));
            pending.Clear();
        }
    }
}
