namespace Tidemark.Forges;

/// <summary>GitHub's <c>permissions</c> object of a repository (the user's role).</summary>
internal sealed record ForgePermissions(bool Admin, bool Maintain, bool Push, bool Triage, bool Pull);
