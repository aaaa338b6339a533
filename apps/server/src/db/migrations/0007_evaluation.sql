CREATE TABLE "evaluation_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"slot" varchar(16) NOT NULL,
	"original_name" text NOT NULL,
	"size" bigint NOT NULL,
	"kind" varchar(8) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_key" text NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_region" varchar(6) NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"check_due_at" timestamp with time zone NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"evaluation_round_id" uuid,
	"reasons" jsonb NOT NULL,
	"status" varchar(16) DEFAULT 'proposed' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" integer NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"check_status" varchar(16) DEFAULT 'pending' NOT NULL,
	"check_reason" text,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"grade" varchar(16),
	"graded_by" uuid,
	"graded_at" timestamp with time zone,
	"written_explanation" boolean DEFAULT false NOT NULL,
	"explanation_text" text,
	"explanation_status" text,
	"explanation_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_files" ADD CONSTRAINT "evaluation_files_evaluation_id_unit_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."unit_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revocations" ADD CONSTRAINT "revocations_unit_id_demonstration_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."demonstration_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revocations" ADD CONSTRAINT "revocations_evaluation_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("evaluation_round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_evaluations" ADD CONSTRAINT "unit_evaluations_evaluation_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("evaluation_round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_evaluations" ADD CONSTRAINT "unit_evaluations_unit_id_demonstration_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."demonstration_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_files_eval_idx" ON "evaluation_files" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_org_year_uq" ON "evaluation_rounds" USING btree ("organiser_region","year");--> statement-breakpoint
CREATE INDEX "revocations_unit_idx" ON "revocations" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_evaluations_round_unit_uq" ON "unit_evaluations" USING btree ("evaluation_round_id","unit_id");--> statement-breakpoint
CREATE INDEX "unit_evaluations_unit_idx" ON "unit_evaluations" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "unit_evaluations_region_idx" ON "unit_evaluations" USING btree ("evaluation_round_id","region_code");