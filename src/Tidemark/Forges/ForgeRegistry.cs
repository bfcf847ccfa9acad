using Tidemark.Forges.GitHub;

namespace Tidemark.Forges;

/// <summary>
/// The forges Tidemark can work with, one line each. Adding a forge is one new folder (<c>Forges/NAME/</c> with its
/// <see cref="IForgeFamily"/>, <see cref="IForge"/> and <see cref="IForgeDiagnostics"/>) plus one line here; the
/// contract test runs every verb of every registered forge (docs/architecture.md, "Adding a forge").
/// </summary>
internal sealed class ForgeRegistry
{
    private readonly Dictionary<string, IForgeFamily> families = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The registered forges.</summary>
    public static ForgeRegistry Default { get; } = new ForgeRegistry()
        .Add(new GitHubFamily());

    public IReadOnlyCollection<IForgeFamily> All => families.Values;

    /// <summary>The forge called <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/> listing the known ones.</summary>
    public IForgeFamily this[string name] => families.TryGetValue(name, out var family)
        ? family
        : throw new ArgumentException($"no forge called {name} (known: {string.Join(", ", families.Keys.Order(StringComparer.Ordinal))})", nameof(name));

    public ForgeRegistry Add(IForgeFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        families.Add(family.Name, family);
        return this;
    }
}
