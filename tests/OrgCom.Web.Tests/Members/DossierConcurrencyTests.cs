using OrgCom.Core.Members;
using OrgCom.Web.Features.Members;

namespace OrgCom.Web.Tests.Members;

/// <summary>Two people editing the same dossier: the second save never silently overwrites the first.</summary>
public sealed class DossierConcurrencyTests : DossierTest
{
    [Fact]
    public async Task A_form_opened_before_someone_else_saved_the_section_is_refused_and_keeps_their_values()
    {
        var id = await HanoiMemberAsync();
        var first = await SignInAsync("hanoi");
        var second = await SignInAsync("xa.badinh");

        // Both open the form; the second saves first.
        var firstForm = FormFields(await GetDocumentAsync(first, EditUrl(id, "Education")));
        AssertSavedAndBackToDossier(await SaveSectionAsync(second, id, "Education", new() { ["Professional"] = "Kỹ sư xây dựng" }), id);

        firstForm["Professional"] = "Cử nhân Kinh tế";
        var before = await RowAsync(id);
        var errors = await ErrorsAsync(await first.PostAsync(EditUrl(id, "Education"), new FormUrlEncodedContent(firstForm)));
        Assert.Contains(DossierEditPage.StaleMessage, errors);
        Assert.Equal(before, await RowAsync(id));
        Assert.Equal("Kỹ sư xây dựng", (await MemberAsync(id)).Professional);

        // Reloading the form shows the other person's value and saving then works.
        AssertSavedAndBackToDossier(await SaveSectionAsync(first, id, "Education", new() { ["Professional"] = "Cử nhân Kinh tế" }), id);
        Assert.Equal("Cử nhân Kinh tế", (await MemberAsync(id)).Professional);
    }

    [Fact]
    public async Task A_list_section_changed_meanwhile_is_refused_too()
    {
        var id = await HanoiMemberAsync();
        var first = await SignInAsync("hanoi");
        var firstForm = FormFields(await GetDocumentAsync(first, EditUrl(id, "Family")));

        // A change made any other way (here straight through the aggregate) counts as well.
        await WithDbAsync(async db =>
        {
            var member = await db.Members.FindAsync(id);
            Assert.True(member!.UpdateFamily([new Relative("Mẹ", "Đỗ Thị Hoa", 1956, null, null)], new DateOnly(2026, 11, 21)).IsSuccess);
            return await db.SaveChangesAsync();
        });

        firstForm["Rows[0].Relation"] = "Cha";
        firstForm["Rows[0].FullName"] = "Ngô Văn Lâm";
        var errors = await ErrorsAsync(await first.PostAsync(EditUrl(id, "Family"), new FormUrlEncodedContent(firstForm)));
        Assert.Contains(DossierEditPage.StaleMessage, errors);
        Assert.Equal<Relative>([new("Mẹ", "Đỗ Thị Hoa", 1956, null, null)], (await MemberAsync(id)).Family);
    }

    [Fact]
    public async Task Editing_different_sections_at_the_same_time_is_not_a_conflict()
    {
        var id = await HanoiMemberAsync();
        var first = await SignInAsync("hanoi");
        var second = await SignInAsync("xa.badinh");
        var firstForm = FormFields(await GetDocumentAsync(first, EditUrl(id, "Education")));
        AssertSavedAndBackToDossier(await SaveSectionAsync(second, id, "Awards", new() { ["Rows[0].Date"] = "2020", ["Rows[0].Form"] = "Giấy khen" }), id);

        firstForm["ForeignLanguages"] = "Tiếng Pháp";
        AssertSavedAndBackToDossier(await first.PostAsync(EditUrl(id, "Education"), new FormUrlEncodedContent(firstForm)), id);
        var m = await MemberAsync(id);
        Assert.Equal("Tiếng Pháp", m.ForeignLanguages);
        Assert.Single(m.Awards);
    }
}
