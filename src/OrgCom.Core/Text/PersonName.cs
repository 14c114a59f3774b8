namespace OrgCom.Core.Text;

public sealed record PersonName(string FamilyName, string MiddleName, string GivenName)
{
    /// <summary>The longest family name (họ), middle name (tên đệm) and given name (tên) the registry stores.</summary>
    public const int MaxFamilyNameLength = 50, MaxMiddleNameLength = 80, MaxGivenNameLength = 50;

    public static PersonName Empty { get; } = new("", "", "");

    public bool IsEmpty => FamilyName.Length == 0 && MiddleName.Length == 0 && GivenName.Length == 0;

    public string FullName => string.Join(' ', new[] { FamilyName, MiddleName, GivenName }.Where(p => p.Length > 0));

    public static PersonName Parse(string fullName) => Parse(fullName, familySyllables: 1);

    // Compound family names ("Tôn Nữ", "Âu Dương") cannot be told apart from a family name followed by a middle
    // name, so they are never guessed; the caller who knows says how many syllables the family name has.
    // The last syllable is always the given name, so a short name yields fewer family syllables than asked for.
    public static PersonName Parse(string fullName, int familySyllables)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(familySyllables, 1);

        var normalized = VietnameseText.Normalize(fullName);
        if (normalized.Length == 0)
        {
            return Empty;
        }

        var syllables = normalized.Split(' ');
        if (syllables.Length == 1)
        {
            return new PersonName("", "", syllables[0]);
        }

        var familyCount = Math.Min(familySyllables, syllables.Length - 1);
        var family = string.Join(' ', syllables[..familyCount]);
        var middle = string.Join(' ', syllables[familyCount..^1]);
        return new PersonName(family, middle, syllables[^1]);
    }

    public override string ToString() => FullName;
}
