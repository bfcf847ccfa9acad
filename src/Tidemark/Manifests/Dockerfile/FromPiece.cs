namespace Tidemark.Manifests.Dockerfile;

/// <summary>
/// A piece of an image word after ARG substitution: <see cref="Length"/> characters at <see cref="At"/> in the
/// resolved text come from <see cref="Source"/> in the file — the word itself (<see cref="Arg"/> null) or a global
/// ARG's default. E.g. <c>golang:${GO}</c> with <c>ARG GO=1.26</c> is (0, 7, the FROM line's <c>golang:</c>) and
/// (7, 4, the ARG line's <c>1.26</c>, GO).
/// </summary>
internal sealed record FromPiece(int At, int Length, TextSpan Source, BuildArg? Arg)
{
    public int End => At + Length;
}
