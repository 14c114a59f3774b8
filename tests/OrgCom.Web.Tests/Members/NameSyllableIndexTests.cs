using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Features.Members;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Members;

/// <summary>
/// The name index (<c>member_name_syllables</c>) is kept by triggers on <c>members</c>: whatever writes a member, the
/// index holds exactly one row per distinct word and per pair of distinct words of each folded name, so the search by
/// syllables can never miss a
/// member or show a name the member no longer has.
/// </summary>
public sealed class NameSyllableIndexTests : AppTest
{
    /// <summary>Rows the index has but should not, plus rows it should have but lacks (the split of the migration).</summary>
    internal const string Drift = """
        with words as (
            select distinct w.syllable collate "C" as syllable, m.given_name, m.middle_name, m.family_name, m.id as member_id, m.name_folded
            from members m cross join lateral unnest(string_to_array(m.name_folded, ' ')) as w(syllable)
            where w.syllable <> ''),
        expected as (
            select syllable as key, given_name, middle_name, family_name, member_id, name_folded from words
            union all
            select a.syllable || ' ' || b.syllable, a.given_name, a.middle_name, a.family_name, a.member_id, a.name_folded
            from words a join words b on b.member_id = a.member_id and a.syllable < b.syllable),
        actual as (
            select key, given_name, middle_name, family_name, member_id, name_folded from member_name_syllables)
        select ((select count(*) from (select * from expected except all select * from actual) a)
              + (select count(*) from (select * from actual except all select * from expected) b)
              + (select count(*) from (select syllable from words except select syllable from name_syllables) c))::int as "Value"
        """;

    private Task<int> DriftAsync() => WithDbAsync(db => db.Database.SqlQueryRaw<int>(Drift).SingleAsync());

    /// <summary>The member's keys: "ha" for a word, "ha thi" for a pair.</summary>
    private Task<List<string>> SyllablesOfAsync(long memberId) => WithDbAsync(async db =>
        (await db.MemberNameSyllables.Where(s => s.MemberId == memberId).Select(s => s.Key).ToListAsync()).Order(StringComparer.Ordinal).ToList());

    [Fact]
    public async Task The_demo_members_are_indexed_word_by_word()
    {
        Assert.True(await WithDbAsync(db => db.MemberNameSyllables.AnyAsync()));
        Assert.Equal(0, await DriftAsync());
    }

    [Fact]
    public async Task A_new_member_a_renamed_member_and_a_deleted_member_keep_the_index_exact()
    {
        var id = await WithDbAsync(async db =>
        {
            var cell = await db.Organizations.Where(o => o.Code == "X00004.CB01").Select(o => o.Id).SingleAsync();
            var member = Member.Import(cell,
                new Identity("Hà Thị Thu Thủy", null, Gender.Female, new DateOnly(1990, 1, 2), false, null, null, null, null, "Kinh", "Không", null),
                MemberStatus.Official, new DateOnly(2015, 1, 1), new DateOnly(2015, 1, 20), new DateOnly(2016, 1, 20), null, "(kiểm thử)");
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        // Each distinct word, and each pair of distinct words in ordinal order.
        Assert.Equal(["ha", "ha thi", "ha thu", "ha thuy", "thi", "thi thu", "thi thuy", "thu", "thu thuy", "thuy"], await SyllablesOfAsync(id));

        // Renamed through the dossier's own path (the entity), as the identity section does.
        await WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == id);
            member.UpdateIdentity(member.Identity with { FullName = "Hà Thị Thu Thảo" }, new DateOnly(2026, 11, 21));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["ha", "ha thao", "ha thi", "ha thu", "thao", "thao thi", "thao thu", "thi", "thi thu", "thu"], await SyllablesOfAsync(id));
        Assert.Equal(0, await DriftAsync());

        // A change that leaves the name alone does not touch the index; a new syllable joins the vocabulary.
        Assert.True(await WithDbAsync(db => db.NameSyllables.AnyAsync(s => s.Syllable == "thao")));

        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"delete from member_events where member_id = {id}"));
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"delete from member_placements where member_id = {id}"));
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"delete from members where id = {id}"));
        Assert.Empty(await SyllablesOfAsync(id));
        Assert.Equal(0, await DriftAsync());
    }

    [Fact]
    public async Task A_renamed_member_is_found_by_the_new_name_only()
    {
        var (id, name) = await WithDbAsync(async db =>
        {
            var member = await db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004.")))
                .OrderBy(m => m.Id).FirstAsync();
            var old = member.FullName;
            member.UpdateIdentity(member.Identity with { FullName = "Lò Văn Xiêng" }, new DateOnly(2026, 11, 21));
            await db.SaveChangesAsync();
            return (member.Id, old);
        });
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgCom.Web.Infrastructure.Access.CurrentUser>().SetSystem("(kiểm thử)");
        var search = scope.ServiceProvider.GetRequiredService<MemberSearchQuery>();
        foreach (var (query, found) in new[] { ("lo van xieng", true), ("xieng", true), (name, false) })
        {
            var resolved = (await search.ResolveAsync(new MemberSearchCriteria { Query = query, OrganizationCode = "X00004" }, CancellationToken.None)).Value!;
            var plan = (await search.CandidatePlansAsync(resolved, CancellationToken.None)).Single(p => p.Shape == SearchShape.Syllables);
            var ids = (await search.PageAsync(resolved, plan, CancellationToken.None)).Rows.Select(r => r.Id).ToList();
            Assert.Equal(found, ids.Contains(id));
        }
    }
}
