using System.Text;
using OrgCom.Core.Text;

namespace OrgCom.Core.Tests.Text;

public class PersonNameTests
{
    [Theory]
    [InlineData("Trần An", "Trần", "", "An")]
    [InlineData("Nguyễn Văn An", "Nguyễn", "Văn", "An")]
    [InlineData("Trần Thị Thu Hương", "Trần", "Thị Thu", "Hương")]
    [InlineData("Nguyễn Phúc Vĩnh Bảo Long", "Nguyễn", "Phúc Vĩnh Bảo", "Long")]
    [InlineData("  Lê \u00A0Thị\tÁnh ", "Lê", "Thị", "Ánh")]
    public void Parse_splits_family_middle_and_given_name(string input, string family, string middle, string given)
    {
        Assert.Equal(new PersonName(family, middle, given), PersonName.Parse(input));
    }

    [Theory]
    [InlineData("An")]
    [InlineData("  Ánh  ")]
    public void Parse_of_one_syllable_gives_only_a_given_name(string input)
    {
        var name = PersonName.Parse(input);

        Assert.Equal(new PersonName("", "", input.Trim()), name);
        Assert.False(name.IsEmpty);
        Assert.Equal(input.Trim(), name.FullName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\u00A0\n")]
    public void Parse_of_blank_input_is_empty(string input)
    {
        var name = PersonName.Parse(input);

        Assert.Same(PersonName.Empty, name);
        Assert.True(name.IsEmpty);
        Assert.Equal("", name.FullName);
    }

    [Theory]
    [InlineData("Tôn Nữ Thị Ninh", 2, "Tôn Nữ", "Thị", "Ninh")]
    [InlineData("Âu Dương Phong", 2, "Âu Dương", "", "Phong")]
    [InlineData("Tôn Thất Thuyết", 1, "Tôn", "Thất", "Thuyết")]
    [InlineData("Tôn Nữ", 2, "Tôn", "", "Nữ")]
    [InlineData("Ninh", 2, "", "", "Ninh")]
    public void Parse_with_family_syllables_takes_a_compound_family_name(
        string input, int familySyllables, string family, string middle, string given)
    {
        Assert.Equal(new PersonName(family, middle, given), PersonName.Parse(input, familySyllables));
    }

    [Fact]
    public void Parse_with_blank_input_and_family_syllables_is_empty()
    {
        Assert.True(PersonName.Parse("  ", 2).IsEmpty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Parse_rejects_fewer_than_one_family_syllable(int familySyllables)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonName.Parse("Nguyễn Văn An", familySyllables));
    }

    [Theory]
    [InlineData("Nguyễn", "Văn", "An", "Nguyễn Văn An")]
    [InlineData("Trần", "", "An", "Trần An")]
    [InlineData("", "", "An", "An")]
    [InlineData("Tôn Nữ", "Thị", "Ninh", "Tôn Nữ Thị Ninh")]
    [InlineData("", "", "", "")]
    public void FullName_and_ToString_join_the_non_empty_parts(string family, string middle, string given, string expected)
    {
        var name = new PersonName(family, middle, given);

        Assert.Equal(expected, name.FullName);
        Assert.Equal(expected, name.ToString());
    }

    [Fact]
    public void Parse_normalizes_nfd_input_to_nfc()
    {
        var name = PersonName.Parse("Nguyễn Văn Đặng".Normalize(NormalizationForm.FormD));

        Assert.Equal("Nguyễn Văn Đặng".Normalize(NormalizationForm.FormC), name.FullName);
    }
}
