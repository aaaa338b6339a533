CREATE TABLE "region_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by" uuid NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid
);
--> statement-breakpoint
CREATE TABLE "reopenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"scope" jsonb NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_by_region" varchar(6) NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_region" varchar(6) NOT NULL,
	"level" varchar(16) NOT NULL,
	"check_status" varchar(16) DEFAULT 'pending' NOT NULL,
	"check_reason" text,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"recommended" boolean DEFAULT false NOT NULL,
	"rank" integer,
	"recommended_by" uuid,
	"recommended_at" timestamp with time zone,
	"opinion" text,
	"paper_number" varchar(32),
	"paper_checked_at" timestamp with time zone,
	"paper_result" varchar(16),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "level" varchar(16);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "contact" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "issued_by" uuid;--> statement-breakpoint
ALTER TABLE "region_closures" ADD CONSTRAINT "region_closures_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reopenings" ADD CONSTRAINT "reopenings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "region_closures_round_region_uq" ON "region_closures" USING btree ("round_id","region_code");--> statement-breakpoint
CREATE INDEX "reopenings_app_idx" ON "reopenings" USING btree ("application_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_app_reviewer_uq" ON "reviews" USING btree ("application_id","reviewer_region");--> statement-breakpoint
CREATE INDEX "reviews_reviewer_idx" ON "reviews" USING btree ("round_id","reviewer_region","recommended","rank");--> statement-breakpoint
CREATE INDEX "reviews_level_idx" ON "reviews" USING btree ("application_id","level","recommended");