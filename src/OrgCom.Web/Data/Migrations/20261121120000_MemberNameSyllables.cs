using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberNameSyllables : Migration
    {
        // The keys of a folded name: each distinct word, and each pair of distinct words in byte order ("C"
        // collation, as the search orders them: ordinal) joined by a space. The name is split on spaces only (folding
        // leaves single spaces), so every search word, which never holds a space, lies inside one word.
        private const string Functions = """
            create function member_name_keys(name text) returns setof text language sql immutable parallel safe as $$
                with w as (select distinct x from unnest(string_to_array(name, ' ')) as u(x) where x <> '')
                select x from w
                union all
                select a.x || ' ' || b.x from w a join w b on a.x collate "C" < b.x collate "C"
            $$;
            """;

        /// <summary>Inserts the index rows of the members read from <paramref name="from"/> (a table or a subquery with
        /// the member columns), aliased m. Used by this migration, its triggers and the bulk loader (generate).</summary>
        internal static string InsertRows(string from, string where = "true") => $"""
            insert into member_name_syllables (key, given_name, middle_name, family_name, member_id, name_folded)
            select k.key, m.given_name, m.middle_name, m.family_name, m.id, m.name_folded
            from {from} m cross join lateral member_name_keys(m.name_folded) as k(key)
            where {where}
            """;

        /// <summary>Adds the words of the members read from <paramref name="from"/> to the vocabulary.</summary>
        internal static string InsertVocabulary(string from, string where = "true") => $"""
            insert into name_syllables (syllable)
            select distinct w.x from {from} m cross join lateral unnest(string_to_array(m.name_folded, ' ')) as w(x)
            where w.x <> '' and {where}
            on conflict do nothing
            """;

        private const string New = "(select new.id, new.given_name, new.middle_name, new.family_name, new.name_folded)";

        // Row triggers: the application writes members one at a time; the bulk loader (generate) disables the insert
        // trigger and loads the rows in one statement. Deleting by the old name's keys uses the unique index.
        private static readonly string Triggers = $"""
            create function member_name_syllables_sync() returns trigger language plpgsql as $$
            begin
                if tg_op in ('UPDATE', 'DELETE') then
                    delete from member_name_syllables s
                    where s.key in (select member_name_keys(old.name_folded))
                      and s.given_name = old.given_name and s.middle_name = old.middle_name
                      and s.family_name = old.family_name and s.member_id = old.id;
                end if;
                if tg_op in ('INSERT', 'UPDATE') then
                    {InsertVocabulary(New)};
                    {InsertRows(New)};
                end if;
                return null;
            end $$;

            create function member_name_syllables_truncate() returns trigger language plpgsql as $$
            begin
                truncate member_name_syllables;
                return null;
            end $$;

            create trigger member_name_syllables_insert after insert on members
                for each row execute function member_name_syllables_sync();
            create trigger member_name_syllables_update after update of given_name, middle_name, family_name, name_folded on members
                for each row
                when (old.given_name is distinct from new.given_name or old.middle_name is distinct from new.middle_name
                      or old.family_name is distinct from new.family_name or old.name_folded is distinct from new.name_folded)
                execute function member_name_syllables_sync();
            create trigger member_name_syllables_delete after delete on members
                for each row execute function member_name_syllables_sync();
            create trigger member_name_syllables_truncate after truncate on members
                for each statement execute function member_name_syllables_truncate();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "member_name_syllables",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    given_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "vi-VN-x-icu"),
                    middle_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "vi-VN-x-icu"),
                    family_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "vi-VN-x-icu"),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    name_folded = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "name_syllables",
                columns: table => new
                {
                    syllable = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_name_syllables", x => x.syllable);
                });

            migrationBuilder.Sql(Functions);
            // Existing members first, then the index (building it once is faster than growing it row by row).
            migrationBuilder.Sql(InsertVocabulary("members") + ";\n" + InsertRows("members"));
            migrationBuilder.CreateIndex(
                name: "ux_member_name_syllables_order",
                table: "member_name_syllables",
                columns: new[] { "key", "given_name", "middle_name", "family_name", "member_id" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "name_folded" });
            migrationBuilder.Sql(Triggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger member_name_syllables_insert on members;
                drop trigger member_name_syllables_update on members;
                drop trigger member_name_syllables_delete on members;
                drop trigger member_name_syllables_truncate on members;
                drop function member_name_syllables_sync();
                drop function member_name_syllables_truncate();
                drop function member_name_keys(text);
                """);
            migrationBuilder.DropTable(
                name: "member_name_syllables");

            migrationBuilder.DropTable(
                name: "name_syllables");
        }
    }
}
