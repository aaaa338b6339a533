CREATE TABLE "used_auth_tokens" (
	"kind" varchar(16) NOT NULL,
	"key" varchar(128) NOT NULL,
	"step" bigint,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "used_auth_tokens_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
CREATE INDEX "used_auth_tokens_expires_idx" ON "used_auth_tokens" USING btree ("expires_at");