-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "BodyKind" AS ENUM ('FULLMAKTIGE', 'STYRELSE', 'UTSKOTT', 'NAMND');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('FORVALTNING', 'KONTOR', 'AVDELNING', 'ENHET');

-- CreateEnum
CREATE TYPE "ProtocolState" AS ENUM ('DRAFT', 'APPROVED');

-- CreateEnum
CREATE TYPE "UppdragStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DELAYED', 'ON_HOLD', 'COMPLETED', 'NOT_CARRIED_OUT');

-- CreateEnum
CREATE TYPE "LinkKind" AS ENUM ('POSTPONED', 'CHANGED', 'CANCELLED', 'REPORTED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('LEDAMOT', 'SEKRETERARE', 'HANDLAGGARE', 'ADMINISTRATOR');

-- CreateEnum
CREATE TYPE "BodyRole" AS ENUM ('MEMBER', 'SECRETARY');

-- CreateTable
CREATE TABLE "Municipality" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "diariumUrlPattern" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Body" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "kind" "BodyKind" NOT NULL,
    "parentId" UUID,

    CONSTRAINT "Body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" "UnitKind" NOT NULL,
    "parentId" UUID,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "bodyId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "startTime" TEXT,
    "endTime" TEXT,
    "place" TEXT,
    "protocolState" "ProtocolState" NOT NULL DEFAULT 'DRAFT',
    "approvedOn" DATE,
    "postedFrom" DATE,
    "postedUntil" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "bodyId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "dnr" TEXT,
    "dnrKey" TEXT,
    "title" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "basis" TEXT[],
    "sentTo" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Uppdrag" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "paragraphId" UUID NOT NULL,
    "bodyId" UUID NOT NULL,
    "decidedOn" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "responsiblePerson" TEXT,
    "deadline" DATE,
    "plannedCompletion" DATE,
    "status" "UppdragStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Uppdrag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UppdragUnit" (
    "uppdragId" UUID NOT NULL,
    "unitId" UUID NOT NULL,

    CONSTRAINT "UppdragUnit_pkey" PRIMARY KEY ("uppdragId","unitId")
);

-- CreateTable
CREATE TABLE "StatusEntry" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "uppdragId" UUID NOT NULL,
    "status" "UppdragStatus" NOT NULL,
    "comment" TEXT,
    "plannedCompletion" DATE,
    "reportedAtMeetingId" UUID,
    "authorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UppdragLink" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "uppdragId" UUID NOT NULL,
    "paragraphId" UUID NOT NULL,
    "kind" "LinkKind" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UppdragLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" UUID,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BodyAssignment" (
    "membershipId" UUID NOT NULL,
    "bodyId" UUID NOT NULL,
    "role" "BodyRole" NOT NULL,

    CONSTRAINT "BodyAssignment_pkey" PRIMARY KEY ("membershipId","bodyId","role")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_slug_key" ON "Municipality"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Body_municipalityId_shortName_key" ON "Body"("municipalityId", "shortName");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_municipalityId_name_key" ON "Unit"("municipalityId", "name");

-- CreateIndex
CREATE INDEX "Meeting_municipalityId_bodyId_date_idx" ON "Meeting"("municipalityId", "bodyId", "date");

-- CreateIndex
CREATE INDEX "Paragraph_municipalityId_dnrKey_idx" ON "Paragraph"("municipalityId", "dnrKey");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_bodyId_year_number_key" ON "Paragraph"("bodyId", "year", "number");

-- CreateIndex
CREATE INDEX "Uppdrag_municipalityId_status_decidedOn_idx" ON "Uppdrag"("municipalityId", "status", "decidedOn" DESC);

-- CreateIndex
CREATE INDEX "Uppdrag_municipalityId_bodyId_decidedOn_idx" ON "Uppdrag"("municipalityId", "bodyId", "decidedOn" DESC);

-- CreateIndex
CREATE INDEX "Uppdrag_municipalityId_decidedOn_idx" ON "Uppdrag"("municipalityId", "decidedOn" DESC);

-- CreateIndex
CREATE INDEX "Uppdrag_municipalityId_deadline_idx" ON "Uppdrag"("municipalityId", "deadline");

-- CreateIndex
CREATE INDEX "Uppdrag_paragraphId_idx" ON "Uppdrag"("paragraphId");

-- CreateIndex
CREATE INDEX "UppdragUnit_unitId_idx" ON "UppdragUnit"("unitId");

-- CreateIndex
CREATE INDEX "StatusEntry_uppdragId_at_idx" ON "StatusEntry"("uppdragId", "at");

-- CreateIndex
CREATE INDEX "StatusEntry_municipalityId_at_idx" ON "StatusEntry"("municipalityId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "UppdragLink_uppdragId_paragraphId_kind_key" ON "UppdragLink"("uppdragId", "paragraphId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_municipalityId_idx" ON "Membership"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_municipalityId_key" ON "Membership"("userId", "municipalityId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_municipalityId_at_idx" ON "AuditEvent"("municipalityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "Body" ADD CONSTRAINT "Body_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Body" ADD CONSTRAINT "Body_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Uppdrag" ADD CONSTRAINT "Uppdrag_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Uppdrag" ADD CONSTRAINT "Uppdrag_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Uppdrag" ADD CONSTRAINT "Uppdrag_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UppdragUnit" ADD CONSTRAINT "UppdragUnit_uppdragId_fkey" FOREIGN KEY ("uppdragId") REFERENCES "Uppdrag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UppdragUnit" ADD CONSTRAINT "UppdragUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEntry" ADD CONSTRAINT "StatusEntry_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEntry" ADD CONSTRAINT "StatusEntry_uppdragId_fkey" FOREIGN KEY ("uppdragId") REFERENCES "Uppdrag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEntry" ADD CONSTRAINT "StatusEntry_reportedAtMeetingId_fkey" FOREIGN KEY ("reportedAtMeetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEntry" ADD CONSTRAINT "StatusEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UppdragLink" ADD CONSTRAINT "UppdragLink_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UppdragLink" ADD CONSTRAINT "UppdragLink_uppdragId_fkey" FOREIGN KEY ("uppdragId") REFERENCES "Uppdrag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UppdragLink" ADD CONSTRAINT "UppdragLink_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyAssignment" ADD CONSTRAINT "BodyAssignment_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyAssignment" ADD CONSTRAINT "BodyAssignment_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

