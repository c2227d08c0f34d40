-- Motioner and medborgarförslag (issue #17, docs/decisions/008-motions.md): the
-- register with its append-only history, the link from an uppdrag to the motion
-- whose bifall gave it, and a kind on fastställda reports (the KF report of ej
-- verkställda beslut, or the list of obesvarade motioner och medborgarförslag).

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('EJ_VERKSTALLDA', 'MOTIONER');

-- CreateEnum
CREATE TYPE "MotionKind" AS ENUM ('MOTION', 'MEDBORGARFORSLAG');

-- CreateEnum
CREATE TYPE "MotionState" AS ENUM ('VACKT', 'REMITTERAD', 'UNDER_BEREDNING', 'BESVARAD', 'AVSKRIVEN');

-- CreateEnum
CREATE TYPE "MotionOutcome" AS ENUM ('BIFALLEN', 'DELVIS_BIFALLEN', 'AVSLAGEN', 'BESVARAD');

-- DropIndex
DROP INDEX "FrozenReport_municipalityId_asOf_bodyKey_key";

-- AlterTable
ALTER TABLE "FrozenReport" ADD COLUMN     "kind" "ReportKind" NOT NULL DEFAULT 'EJ_VERKSTALLDA';

-- AlterTable
ALTER TABLE "Uppdrag" ADD COLUMN     "motionId" UUID;

-- CreateTable
CREATE TABLE "Motion" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "kind" "MotionKind" NOT NULL,
    "title" TEXT NOT NULL,
    "proposers" JSONB NOT NULL,
    "anonymised" BOOLEAN NOT NULL DEFAULT false,
    "raisedOn" DATE NOT NULL,
    "raisedAtParagraphId" UUID,
    "raisedAtNumber" INTEGER,
    "dnr" TEXT,
    "dnrKey" TEXT,
    "preparingBodyId" UUID,
    "handlaggareId" UUID,
    "handlaggareName" TEXT,
    "state" "MotionState" NOT NULL DEFAULT 'VACKT',
    "outcome" "MotionOutcome",
    "answeredAtParagraphId" UUID,
    "answeredOn" DATE,
    "preparationNote" TEXT,
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Motion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MotionEvent" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "motionId" UUID NOT NULL,
    "state" "MotionState" NOT NULL,
    "outcome" "MotionOutcome",
    "paragraphId" UUID,
    "on" DATE NOT NULL,
    "comment" TEXT,
    "preparationNote" TEXT,
    "authorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MotionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Motion_municipalityId_state_raisedOn_idx" ON "Motion"("municipalityId", "state", "raisedOn");

-- CreateIndex
CREATE INDEX "Motion_municipalityId_raisedOn_idx" ON "Motion"("municipalityId", "raisedOn");

-- CreateIndex
CREATE INDEX "MotionEvent_motionId_at_idx" ON "MotionEvent"("motionId", "at");

-- CreateIndex
CREATE INDEX "MotionEvent_municipalityId_on_idx" ON "MotionEvent"("municipalityId", "on");

-- CreateIndex
CREATE UNIQUE INDEX "FrozenReport_municipalityId_kind_asOf_bodyKey_key" ON "FrozenReport"("municipalityId", "kind", "asOf", "bodyKey");

-- CreateIndex
CREATE INDEX "Uppdrag_motionId_idx" ON "Uppdrag"("motionId");

-- AddForeignKey
ALTER TABLE "Uppdrag" ADD CONSTRAINT "Uppdrag_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_raisedAtParagraphId_fkey" FOREIGN KEY ("raisedAtParagraphId") REFERENCES "Paragraph"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_preparingBodyId_fkey" FOREIGN KEY ("preparingBodyId") REFERENCES "Body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_handlaggareId_fkey" FOREIGN KEY ("handlaggareId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_answeredAtParagraphId_fkey" FOREIGN KEY ("answeredAtParagraphId") REFERENCES "Paragraph"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MotionEvent" ADD CONSTRAINT "MotionEvent_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MotionEvent" ADD CONSTRAINT "MotionEvent_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MotionEvent" ADD CONSTRAINT "MotionEvent_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MotionEvent" ADD CONSTRAINT "MotionEvent_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: a motion's history is a public record (offentlighetsprincipen,
-- arkivlagen), so the database refuses to change or delete it, as for StatusEntry.
CREATE TRIGGER "MotionEvent_append_only"
  BEFORE UPDATE OR DELETE ON "MotionEvent"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
CREATE TRIGGER "MotionEvent_no_truncate"
  BEFORE TRUNCATE ON "MotionEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
