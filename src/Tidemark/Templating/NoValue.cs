namespace Tidemark.Templating;

/// <summary>Go's invalid value: what a missing map key evaluates to; printed as <c>&lt;no value&gt;</c>, false in <c>if</c>.</summary>
internal sealed class NoValue
{
    public static NoValue Instance { get; } = new();

    private NoValue()
    {
    }

    public override string ToString() => "<no value>";
}
