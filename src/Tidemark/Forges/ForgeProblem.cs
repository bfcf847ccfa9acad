namespace Tidemark.Forges;

/// <summary>One finding of <see cref="IForgeDiagnostics.InspectAccessAsync"/>, with a message that names the fix.</summary>
internal sealed record ForgeProblem(ForgeErrorKind Kind, string Message);
