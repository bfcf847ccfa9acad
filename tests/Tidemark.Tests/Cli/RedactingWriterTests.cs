using System.Text;
using Tidemark.Cli;
using Tidemark.Credentials;

namespace Tidemark.Tests.Cli;

public sealed class RedactingWriterTests
{
    // Built at run time so no token-shaped literal is ever committed.
    private static readonly string Token = "gh" + "p_" + new string('w', 20) + "A7" + new string('r', 14);

    [Fact]
    public void Write_SecretWrittenInPieces_IsRedactedWhenItsLineEnds()
    {
        var (writer, inner, redactor) = Create();
        redactor.Register(Token);

        foreach (var c in "tidemark: " + Token)
        {
            writer.Write(c);
        }

        Assert.Equal("", inner.ToString()); // held until the line ends
        writer.WriteLine(" was refused");

        Assert.Equal("tidemark: [REDACTED] was refused" + Environment.NewLine, inner.ToString());
    }

    [Fact]
    public async Task WriteAsync_SecretRegisteredWhileItsLineIsWritten_IsRedacted()
    {
        var (writer, inner, redactor) = Create();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("robot:" + Token));

        await writer.WriteAsync("GitHub said: Authorization: Basic " + basic);
        redactor.Register(Token); // e.g. the token resolved after the options were parsed
        await writer.WriteLineAsync();

        Assert.Equal("GitHub said: Authorization: Basic [REDACTED]" + Environment.NewLine, inner.ToString());
    }

    [Fact]
    public void Flush_UnfinishedProgressLine_IsWrittenRedacted()
    {
        var (writer, inner, redactor) = Create();
        redactor.Register(Token);

        writer.Write("\r\u001b[2Kscanning " + Token + "… 1/3");
        writer.Flush();

        Assert.Equal("\r\u001b[2Kscanning [REDACTED]… 1/3", inner.ToString());
    }

    [Fact]
    public void Write_OrdinaryText_PassesThroughUnchanged()
    {
        var (writer, inner, redactor) = Create();
        redactor.Register(Token);
        const string text = "quay.io/jetstack/cert-manager-controller: v1.18.2 → v1.18.3\n{\"selected\": \"1.1.0\"}\r\nno newline";

        writer.Write(text);
        writer.Flush();

        Assert.Equal(text, inner.ToString());
    }

    [Fact]
    public void Redacting_EnvironmentStreams_AreWrappedOnceWithItsRedactor()
    {
        var env = new CliEnvironment(new StringWriter(), new StringWriter(), TimeProvider.System, _ => null, ErrorIsTerminal: false);

        var redacting = env.Redacting();
        redacting.Redactor.Register(Token);
        redacting.Error.WriteLine("tidemark: " + Token);

        Assert.IsType<RedactingWriter>(redacting.Out);
        Assert.Same(redacting.Error, redacting.Redacting().Error);
        Assert.Equal("tidemark: [REDACTED]" + Environment.NewLine, env.Error.ToString());
    }

    private static (RedactingWriter Writer, StringWriter Inner, Redactor Redactor) Create()
    {
        var inner = new StringWriter();
        var redactor = new Redactor();
        return (new RedactingWriter(inner, redactor), inner, redactor);
    }
}
