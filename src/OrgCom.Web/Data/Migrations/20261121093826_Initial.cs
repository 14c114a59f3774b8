using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:ltree", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.CreateTable(
                name: "administrative_units",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "vi-VN-x-icu"),
                    full_name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false, collation: "vi-VN-x-icu"),
                    type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    province_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    district_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_administrative_units", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: true),
                    changes = table.Column<string>(type: "jsonb", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    seal_seq = table.Column<long>(type: "bigint", nullable: true),
                    prev_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    sealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "vi-VN-x-icu"),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    parent_id = table.Column<long>(type: "bigint", nullable: true),
                    established_on = table.Column<DateOnly>(type: "date", nullable: false),
                    dissolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    administrative_unit_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    establishing_decision = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    path = table.Column<string>(type: "ltree", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organizations", x => x.id);
                    table.ForeignKey(
                        name: "fk_organizations_administrative_units_administrative_unit_code",
                        column: x => x.administrative_unit_code,
                        principalTable: "administrative_units",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_organizations_organizations_parent_id",
                        column: x => x.parent_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    full_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "vi-VN-x-icu"),
                    family_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "vi-VN-x-icu"),
                    middle_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "vi-VN-x-icu"),
                    given_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "vi-VN-x-icu"),
                    name_folded = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    birth_year_only = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    admitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    official_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_members_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "organization_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    from_parent_id = table.Column<long>(type: "bigint", nullable: true),
                    to_parent_id = table.Column<long>(type: "bigint", nullable: true),
                    from_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    to_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_organization_events_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_grants",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    granted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_grants_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_user_grants_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_level_province_code",
                table: "administrative_units",
                columns: new[] { "level", "province_code" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_type_entity_key",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_key" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_occurred_at",
                table: "audit_log",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_organization_id_occurred_at",
                table: "audit_log",
                columns: new[] { "organization_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_seal_seq",
                table: "audit_log",
                column: "seal_seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_unsealed",
                table: "audit_log",
                column: "id",
                filter: "seal_seq IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_user_id_occurred_at",
                table: "audit_log",
                columns: new[] { "user_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_members_given_name_middle_name_family_name_id",
                table: "members",
                columns: new[] { "given_name", "middle_name", "family_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_members_name_folded",
                table: "members",
                column: "name_folded")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_members_organization_id",
                table: "members",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_organization_events_from_parent_id",
                table: "organization_events",
                column: "from_parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_organization_events_organization_id_effective_on",
                table: "organization_events",
                columns: new[] { "organization_id", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_organization_events_to_parent_id",
                table: "organization_events",
                column: "to_parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_administrative_unit_code",
                table: "organizations",
                column: "administrative_unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_code",
                table: "organizations",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organizations_parent_id",
                table: "organizations",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_path",
                table: "organizations",
                column: "path")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_grants_organization_id",
                table: "user_grants",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_grants_user_id_role_organization_id",
                table: "user_grants",
                columns: new[] { "user_id", "role", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "email_index",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "user_name_index",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            // The materialized path is the database's job: set on insert from the parent's path, and on a move the
            // whole subtree is re-rooted in the same statement. A cycle is refused even if the application missed it.
            migrationBuilder.Sql("""
                create function organizations_set_path() returns trigger language plpgsql as $$
                declare
                    parent_path ltree;
                begin
                    if new.parent_id is null then
                        new.path := text2ltree(new.id::text);
                    else
                        select path into parent_path from organizations where id = new.parent_id;
                        if parent_path is null then
                            raise exception 'organization % has no parent %', new.id, new.parent_id;
                        end if;
                        if tg_op = 'UPDATE' and parent_path <@ old.path then
                            raise exception 'moving organization % under its own descendant % would make a cycle', new.id, new.parent_id
                                using errcode = '23514';
                        end if;
                        new.path := parent_path || text2ltree(new.id::text);
                    end if;
                    return new;
                end $$;

                create function organizations_reroot_subtree() returns trigger language plpgsql as $$
                begin
                    if new.path is distinct from old.path then
                        update organizations
                           set path = new.path || subpath(path, nlevel(old.path))
                         where path <@ old.path and id <> new.id;
                    end if;
                    return null;
                end $$;

                create trigger organizations_maintain_path before insert or update of parent_id on organizations
                    for each row execute function organizations_set_path();
                create trigger organizations_reroot after update of parent_id on organizations
                    for each row execute function organizations_reroot_subtree();

                -- Append-only audit log: lines are never deleted, and a line changes once only, when it is sealed.
                create function audit_log_append_only() returns trigger language plpgsql as $$
                begin
                    if tg_op in ('DELETE', 'TRUNCATE') then
                        raise exception 'audit_log is append-only';
                    end if;
                    if old.seal_seq is not null
                       or (to_jsonb(new) - 'seal_seq' - 'prev_hash' - 'hash' - 'sealed_at')
                          is distinct from (to_jsonb(old) - 'seal_seq' - 'prev_hash' - 'hash' - 'sealed_at') then
                        raise exception 'audit_log lines cannot be changed';
                    end if;
                    return new;
                end $$;
                create trigger audit_log_append_only before update or delete on audit_log
                    for each row execute function audit_log_append_only();
                create trigger audit_log_no_truncate before truncate on audit_log
                    for each statement execute function audit_log_append_only();

                -- unaccent() is only STABLE; this wrapper may be used in indexes and generated columns.
                create function f_unaccent(text) returns text language sql immutable parallel safe strict as
                    $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger if exists audit_log_no_truncate on audit_log;
                drop trigger if exists audit_log_append_only on audit_log;
                drop function if exists audit_log_append_only();
                drop trigger if exists organizations_reroot on organizations;
                drop trigger if exists organizations_maintain_path on organizations;
                drop function if exists organizations_reroot_subtree();
                drop function if exists organizations_set_path();
                drop function if exists f_unaccent(text);
                """);

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "organization_events");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_grants");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "organizations");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "administrative_units");
        }
    }
}
