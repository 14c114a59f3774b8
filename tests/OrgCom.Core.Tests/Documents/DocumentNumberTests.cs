using OrgCom.Core.Documents;

namespace OrgCom.Core.Tests.Documents;

public class DocumentNumberTests
{
    [Theory]
    [InlineData("205-QĐ/TW", 205, "QĐ", "TW")]
    [InlineData("03-KH/TW", 3, "KH", "TW")]
    [InlineData("21-KL/TW", 21, "KL", "TW")]
    [InlineData("06-KL/BTCTW", 6, "KL", "BTCTW")]
    [InlineData("11-HD/BTCTW", 11, "HD", "BTCTW")]
    [InlineData("15-CT/TW", 15, "CT", "TW")]
    [InlineData("10072-CV/BTCTW", 10072, "CV", "BTCTW")]
    [InlineData("1-QĐi/TW", 1, "QĐi", "TW")]
    [InlineData("12-QĐ/ĐU", 12, "QĐ", "ĐU")]
    [InlineData("5-CTr/TU", 5, "CTr", "TU")]
    [InlineData("294-QĐ/TW", 294, "QĐ", "TW")]
    [InlineData("36-HD/VPTW", 36, "HD", "VPTW")]
    public void Parse_reads_number_type_and_issuer(string text, int number, string type, string issuer)
    {
        var result = DocumentNumber.Parse(text);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(new DocumentNumber(number, type, issuer), result.Value);
    }

    [Theory]
    [InlineData("205-qđ/tw", 205, "QĐ", "TW")]
    [InlineData("205-Qđ/TW", 205, "QĐ", "TW")]
    [InlineData("1-qđi/TW", 1, "QĐi", "TW")]
    [InlineData("1-QĐI/TW", 1, "QĐi", "TW")]
    [InlineData("5-ctr/tu", 5, "CTr", "TU")]
    [InlineData("7-ttr/btctw", 7, "TTr", "BTCTW")]
    [InlineData("12-qđ/đu", 12, "QĐ", "ĐU")]
    [InlineData("  205-QĐ/TW  ", 205, "QĐ", "TW")]
    [InlineData("\t205-QĐ/TW\n", 205, "QĐ", "TW")]
    [InlineData("205 - QĐ / TW", 205, "QĐ", "TW")]
    public void Parse_normalizes_case_and_removes_spaces(string text, int number, string type, string issuer)
    {
        var result = DocumentNumber.Parse(text);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(new DocumentNumber(number, type, issuer), result.Value);
    }

    public static TheoryData<string> KnownTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in DocumentNumber.KnownTypes)
            data.Add(type);
        return data;
    }

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void Parse_accepts_every_known_type(string type)
    {
        var result = DocumentNumber.Parse($"1-{type}/TW");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(type, result.Value!.Type);
    }

    [Fact]
    public void Known_types_are_the_fifteen_of_domain_md()
    {
        Assert.Equal(
            new[] { "BC", "CT", "CTr", "CV", "HD", "KH", "KL", "NQ", "QC", "QĐ", "QĐi", "TB", "TT", "TTr", "ĐA" }
                .Order(StringComparer.Ordinal),
            DocumentNumber.KnownTypes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "document.number.empty")]
    [InlineData("   ", "document.number.empty")]
    [InlineData("QĐ/TW", "document.number.format")]
    [InlineData("abc-QĐ/TW", "document.number.format")]
    [InlineData("0-QĐ/TW", "document.number.format")]
    [InlineData("000-QĐ/TW", "document.number.format")]
    [InlineData("-5-QĐ/TW", "document.number.format")]
    [InlineData("-QĐ/TW", "document.number.format")]
    [InlineData("12-QĐ/", "document.number.format")]
    [InlineData("12-QĐ", "document.number.format")]
    [InlineData("12QĐ/TW", "document.number.format")]
    [InlineData("12-Q/TW", "document.number.format")]
    [InlineData("1234567-QĐ/TW", "document.number.format")]
    [InlineData("12-XYZ/TW", "document.number.type")]
    [InlineData("12-QD/TW", "document.number.type")]
    public void Parse_refuses_with_a_stable_code_and_a_vietnamese_message(string text, string code)
    {
        var result = DocumentNumber.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Equal(code, result.Error!.Code);
        Assert.Contains("văn bản", result.Error.Message);
    }

    [Fact]
    public void Parse_of_null_is_empty()
    {
        Assert.Equal("document.number.empty", DocumentNumber.Parse(null).Error?.Code);
    }

    [Theory]
    [InlineData("abc-QĐ/TW")]
    [InlineData("12-QĐ/")]
    public void Format_error_quotes_the_input_and_shows_an_example(string text)
    {
        var message = DocumentNumber.Parse(text).Error!.Message;

        Assert.Contains($"\"{text}\"", message);
        Assert.Contains("205-QĐ/TW", message);
    }

    [Fact]
    public void Type_error_names_the_unknown_type()
    {
        Assert.Contains("\"XYZ\"", DocumentNumber.Parse("12-XYZ/TW").Error!.Message);
    }

    // The numbers as domain.md §5 writes them: shown back exactly as the document bears them.
    [Theory]
    [InlineData("205-QĐ/TW")]
    [InlineData("03-KH/TW")]
    [InlineData("21-KL/TW")]
    [InlineData("06-KL/BTCTW")]
    [InlineData("11-HD/BTCTW")]
    [InlineData("15-CT/TW")]
    [InlineData("10072-CV/BTCTW")]
    [InlineData("12-QĐ/ĐU")]
    public void ToString_gives_back_the_number_as_written(string text)
    {
        Assert.Equal(text, DocumentNumber.Parse(text).Value!.ToString());
    }

    [Theory]
    [InlineData("205-QĐ/TW")]
    [InlineData("03-KH/TW")]
    [InlineData("1-QĐi/TW")]
    [InlineData("5-CTr/TU")]
    [InlineData("12-qđ/đu")]
    [InlineData(" 10072 - CV / BTCTW ")]
    public void Parse_of_ToString_gives_the_same_number(string text)
    {
        var number = DocumentNumber.Parse(text).Value!;

        Assert.Equal(number, DocumentNumber.Parse(number.ToString()).Value);
    }
}
