namespace Tidemark.Forges;

/// <summary>
/// One kind of forge (GitHub; GitLab and Gitea would be others), registered by one line in <see cref="ForgeRegistry"/>:
/// which repository URLs it takes, where its API is, and how to build its two ports for one repository.
/// </summary>
internal interface IForgeFamily
{
    /// <summary>The name used in settings and messages, e.g. <c>github</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Takes <paramref name="target"/> as this forge names repositories, or throws <see cref="ForgeTargetException"/>
    /// saying what it takes (GitHub: exactly OWNER/REPO, no nested groups).
    /// </summary>
    ForgeTarget Accept(ForgeTarget target, string where);

    /// <summary>The REST API of the target's host when no <c>--api-url</c> names one.</summary>
    Uri DefaultApiBase(ForgeTarget target);

    /// <summary>The automation port for one repository.</summary>
    IForge Create(ForgeConnection connection);

    /// <summary>The diagnostics port for one repository.</summary>
    IForgeDiagnostics Diagnose(ForgeConnection connection);
}
