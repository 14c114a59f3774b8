using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Text;
using OrgCom.Web.Data.Generate;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Members;

/// <summary>The generate verb's generator at a small scale (20,000 members, 2,000 organizations) on the demo data.</summary>
public sealed class SearchDataGenerationTests : AppTest
{
    private const int Members = 20_000;
    private const int Organizations = 2_000;

    [Fact]
    public async Task Generates_a_consistent_national_tree_and_members_once()
    {
        var before = await CountsAsync();
        var output = new StringWriter();
        var generator = new NationalGenerator(TestDatabase.ConnectionString(DatabaseName), TimeProvider.System, output);
        var result = await generator.RunAsync(new GenerationOptions(Members, Organizations, 2026), CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Contains("dòng/giây", output.ToString());

        var after = await CountsAsync();
        Assert.Equal(before.Organizations + Organizations, after.Organizations);
        Assert.Equal(before.Members + Members, after.Members);

        var today = VietnamTime.Today(TimeProvider.System);
        var problems = await QueryAsync<long>($"""
            select count(*) filter (where citizen_id is null)                                          -- every member has a CCCD
                 + (count(citizen_id) - count(distinct citizen_id))                                  -- unique
                 + (count(party_card_number) - count(distinct party_card_number))                    -- unique
                 + count(*) filter (where length(citizen_id) <> 12 or citizen_id !~ '^[0-9]+$')
                 -- century/sex digit and year digits agree with the birth date
                 + count(*) filter (where substr(citizen_id, 4, 1)::int
                                          <> (case when extract(year from birth_date) >= 2000 then 2 else 0 end)
                                           + (case when gender = 'Female' then 1 else 0 end))
                 + count(*) filter (where substr(citizen_id, 5, 2) <> lpad((extract(year from birth_date)::int % 100)::text, 2, '0'))
                 -- admitted at 18 or later, the ceremony days to weeks later, official 12 months after the ceremony
                 + count(*) filter (where admitted_on < birth_date + interval '18 years')
                 + count(*) filter (where ceremony_on < admitted_on or ceremony_on > admitted_on + 60)
                 + count(*) filter (where official_on is not null and official_on <> ceremony_on + interval '1 year')
                 + count(*) filter (where status = 'Official' and (official_on is null or official_on > '{today:yyyy-MM-dd}'))
                 -- probationary: ceremony within the last 12 months, not yet official, no card
                 + count(*) filter (where status = 'Probationary' and (ceremony_on <= date '{today:yyyy-MM-dd}' - interval '12 months'
                                    or ceremony_on > '{today:yyyy-MM-dd}' or official_on is not null or party_card_number is not null))
                 + count(*) filter (where status in ('Deceased', 'Left', 'Removed') and ended_on is null)
                 + count(*) filter (where exempt_since is not null and (status <> 'Official' or exempt_since < official_on))
                 + count(*) filter (where extract(year from age(date '{today:yyyy-MM-dd}', birth_date)) not between 18 and 96)
            from members where id > {before.MaxMemberId}
            """);
        Assert.Equal(0, problems);

        // Every generated member sits in a cell; every organization has its path from the root.
        Assert.Equal(0, await QueryAsync<long>($"""
            select count(*) from members m join organizations o on o.id = m.organization_id
            where m.id > {before.MaxMemberId} and o.kind not in ('Cell', 'GrassrootsCell')
            """));
        Assert.Equal(0, await QueryAsync<long>("""
            select count(*) from organizations c left join organizations p on p.id = c.parent_id
            where c.path is null or (p.id is null and c.parent_id is not null)
               or (p.id is not null and c.path <> p.path || c.id::text::ltree)
            """));
        Assert.Equal(0, await QueryAsync<long>($"""
            select count(*) from organizations o where o.id > {before.MaxOrganizationId}
              and not exists (select 1 from organization_events e where e.organization_id = o.id and e.kind = 'Established')
            """));

        // The membership events behind the dates.
        Assert.Equal(0, await QueryAsync<long>($"""
            select count(*) from members m where m.id > {before.MaxMemberId}
              and (not exists (select 1 from member_events e where e.member_id = m.id and e.kind = 'CeremonyHeld' and e.effective_on = m.ceremony_on)
                or (m.official_on is not null and not exists (select 1 from member_events e where e.member_id = m.id and e.kind = 'RecognizedOfficial' and e.effective_on = m.official_on))
                or (m.status = 'Deceased' and not exists (select 1 from member_events e where e.member_id = m.id and e.kind = 'Deceased')))
            """));

        // Realistic proportions, loosely: about a third women, mostly Kinh, about 3% probationary.
        var shares = await WithDbAsync(db => db.Members.Where(m => m.Id > before.MaxMemberId)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Women = g.Count(m => m.Gender == OrgCom.Core.Members.Gender.Female) / (double)g.Count(),
                Kinh = g.Count(m => m.Ethnicity == "Kinh") / (double)g.Count(),
                Probationary = g.Count(m => m.Status == OrgCom.Core.Members.MemberStatus.Probationary) / (double)g.Count(),
                YearOnly = g.Count(m => m.BirthYearOnly) / (double)g.Count(),
            }).SingleAsync());
        Assert.InRange(shares.Women, 0.28, 0.40);
        Assert.InRange(shares.Kinh, 0.78, 0.92);
        Assert.InRange(shares.Probationary, 0.02, 0.04);
        Assert.InRange(shares.YearOnly, 0.01, 0.03);

        // The name columns are exactly what Member.Import would have stored.
        var names = await WithDbAsync(db => db.Members.Where(m => m.Id > before.MaxMemberId).OrderBy(m => m.Id).Take(500)
            .Select(m => new { m.FullName, m.FamilyName, m.MiddleName, m.GivenName, m.NameFolded }).ToListAsync());
        Assert.All(names, n =>
        {
            var parsed = PersonName.Parse(n.FullName);
            Assert.Equal((parsed.FamilyName, parsed.MiddleName, parsed.GivenName, VietnameseText.Fold(n.FullName)),
                (n.FamilyName, n.MiddleName, n.GivenName, n.NameFolded));
        });

        // The indexes dropped for the load are back, and a second run is refused.
        Assert.Equal(0, await QueryAsync<long>("""
            select count(*) from pg_index x join pg_class t on t.oid = x.indrelid where t.relname in ('members', 'member_events') and not x.indisvalid
            """));
        Assert.True(await QueryAsync<long>("select count(*) from pg_indexes where tablename = 'members' and indexname = 'ix_members_name_folded'") == 1);
        // The name index was loaded in bulk with its trigger off: it must hold exactly the generated names, and the
        // trigger must be on again.
        Assert.Equal(0, await QueryAsync<int>(NameSyllableIndexTests.Drift));
        Assert.Equal(1, await QueryAsync<long>("select count(*) from pg_indexes where indexname = 'ux_member_name_syllables_order'"));
        Assert.Equal("O", await QueryAsync<string>("select tgenabled::text from pg_trigger where tgname = 'member_name_syllables_insert'"));
        // The history the as-of queries read: one open placement per member, a version for every organization.
        Assert.Equal(0, await QueryAsync<long>("select count(*) from members m where (select count(*) from member_placements p where p.member_id = m.id and p.valid_to is null) <> 1"));
        Assert.Equal(0, await QueryAsync<long>("select count(*) from organizations o where not exists (select 1 from organization_versions v where v.organization_id = o.id)"));
        // Today in Vietnam (the generator's today), not the server's UTC date: they differ from 17:00 UTC.
        Assert.Equal(await QueryAsync<long>($"select count(*) from members where status in ('Official', 'Probationary') and ceremony_on <= '{today:yyyy-MM-dd}' and (ended_on is null or ended_on > '{today:yyyy-MM-dd}')"),
            await QueryAsync<long>($"select count(*) from members_as_of((select id from organizations where code = 'TW'), '{today:yyyy-MM-dd}', true)"));
        // The load writes each event's statistics flow itself: the same as the classifying trigger would have.
        Assert.Equal(0, await QueryAsync<long>("""
            select count(*) from member_events where counted_flow is distinct from
                member_event_counted_flow(kind, organization_id, other_organization_id, discipline_level, transfer_kind, member_id)
            """));
        Assert.Equal("O", await QueryAsync<string>("select tgenabled::text from pg_trigger where tgname = 'member_events_classify'"));
        var again = await generator.RunAsync(new GenerationOptions(100, 100, 1), CancellationToken.None);
        Assert.Equal(NationalGenerator.AlreadyGenerated, again.Error);
        Assert.Equal(after, await CountsAsync());
    }

    [Fact]
    public async Task Refuses_a_database_without_the_demo_seed_and_bad_options()
    {
        var generator = new NationalGenerator(TestDatabase.ConnectionString(DatabaseName), TimeProvider.System, TextWriter.Null);
        var bad = await generator.RunAsync(new GenerationOptions(-1, 300_000, 1), CancellationToken.None);
        Assert.Contains("--members", bad.Error!.Message);

        var empty = $"test_{Guid.NewGuid():N}";
        await TestDatabase.ExecuteAsync($"create database \"{empty}\" template {TestDatabase.TemplateName}");
        try
        {
            await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString(empty)))
            {
                await connection.OpenAsync();
                await using var cmd = new NpgsqlCommand("update organizations set dissolved_on = established_on where kind = 'CommuneCommittee'", connection);
                await cmd.ExecuteNonQueryAsync();
            }
            var unseeded = new NationalGenerator(TestDatabase.ConnectionString(empty), TimeProvider.System, TextWriter.Null);
            var refused = await unseeded.RunAsync(new GenerationOptions(1000, 200, 1), CancellationToken.None);
            Assert.Equal(NationalGenerator.DemoSeedMissing, refused.Error);
        }
        finally
        {
            await TestDatabase.DropAsync(empty);
        }
    }

    private sealed record Counts(long Organizations, long Members, long MaxOrganizationId, long MaxMemberId);

    private async Task<Counts> CountsAsync() => new(
        await QueryAsync<long>("select count(*) from organizations"),
        await QueryAsync<long>("select count(*) from members"),
        await QueryAsync<long>("select coalesce(max(id), 0) from organizations"),
        await QueryAsync<long>("select coalesce(max(id), 0) from members"));

    private Task<T> QueryAsync<T>(string sql) => TestDatabase.ScalarAsync<T>(DatabaseName, sql);
}
