namespace Tidemark.Versions;

/// <summary>
/// Which part of a range version is a wildcard (<c>x</c>, <c>X</c>, <c>*</c>) or missing: <c>1.2</c> and
/// <c>1.2.x</c> are <see cref="Patch"/>, <c>1</c> and <c>1.x</c> are <see cref="Minor"/>, <c>*</c> is <see cref="Major"/>.
/// </summary>
internal enum Wildcard
{
    None,
    Patch,
    Minor,
    Major,
}
