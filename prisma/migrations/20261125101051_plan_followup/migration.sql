-- CreateEnum
CREATE TYPE "PlanActivityStatus" AS ENUM ('NOT_STARTED', 'STARTED', 'IN_PROGRESS', 'COMPLETED', 'NOT_CARRIED_OUT');

-- CreateTable
CREATE TABLE "Plan" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "bodyId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "scope" TEXT,
    "baselineDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanGoal" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "PlanGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanCommitment" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "PlanCommitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanActivity" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "target" TEXT,
    "partners" TEXT,
    "responsible" TEXT,

    CONSTRAINT "PlanActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanActivityUnit" (
    "activityId" UUID NOT NULL,
    "unitId" UUID NOT NULL,

    CONSTRAINT "PlanActivityUnit_pkey" PRIMARY KEY ("activityId","unitId")
);

-- CreateTable
CREATE TABLE "PlanIndicator" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "baseline" TEXT,
    "baselineDate" DATE,
    "target" TEXT,
    "note" TEXT,

    CONSTRAINT "PlanIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanOccasion" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PlanOccasion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanActivityStatusEntry" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "occasionId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "status" "PlanActivityStatus",
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanActivityStatusEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanIndicatorValue" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "occasionId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "value" TEXT,
    "noNewData" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanIndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanCommitmentSummary" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "occasionId" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "comment" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanCommitmentSummary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanUppdragLink" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "uppdragId" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "activityId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanUppdragLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Plan_municipalityId_bodyId_year_key" ON "Plan"("municipalityId", "bodyId", "year");

-- CreateIndex
CREATE INDEX "PlanGoal_planId_position_idx" ON "PlanGoal"("planId", "position");

-- CreateIndex
CREATE INDEX "PlanCommitment_planId_position_idx" ON "PlanCommitment"("planId", "position");

-- CreateIndex
CREATE INDEX "PlanActivity_commitmentId_position_idx" ON "PlanActivity"("commitmentId", "position");

-- CreateIndex
CREATE INDEX "PlanActivityUnit_unitId_idx" ON "PlanActivityUnit"("unitId");

-- CreateIndex
CREATE INDEX "PlanIndicator_commitmentId_position_idx" ON "PlanIndicator"("commitmentId", "position");

-- CreateIndex
CREATE INDEX "PlanOccasion_planId_asOf_idx" ON "PlanOccasion"("planId", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "PlanOccasion_planId_name_key" ON "PlanOccasion"("planId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PlanActivityStatusEntry_occasionId_activityId_key" ON "PlanActivityStatusEntry"("occasionId", "activityId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanIndicatorValue_occasionId_indicatorId_key" ON "PlanIndicatorValue"("occasionId", "indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanCommitmentSummary_occasionId_commitmentId_key" ON "PlanCommitmentSummary"("occasionId", "commitmentId");

-- CreateIndex
CREATE INDEX "PlanUppdragLink_municipalityId_uppdragId_idx" ON "PlanUppdragLink"("municipalityId", "uppdragId");

-- CreateIndex
CREATE INDEX "PlanUppdragLink_commitmentId_idx" ON "PlanUppdragLink"("commitmentId");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanGoal" ADD CONSTRAINT "PlanGoal_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanGoal" ADD CONSTRAINT "PlanGoal_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanCommitment" ADD CONSTRAINT "PlanCommitment_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanCommitment" ADD CONSTRAINT "PlanCommitment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanCommitment" ADD CONSTRAINT "PlanCommitment_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "PlanGoal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActivity" ADD CONSTRAINT "PlanActivity_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActivity" ADD CONSTRAINT "PlanActivity_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActivity" ADD CONSTRAINT "PlanActivity_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "PlanCommitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActivityUnit" ADD CONSTRAINT "PlanActivityUnit_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "PlanActivity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActivityUnit" ADD CONSTRAINT "PlanActivityUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanIndicator" ADD CONSTRAINT "PlanIndicator_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanIndicator" ADD CONSTRAINT "PlanIndicator_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanIndicator" ADD CONSTRAINT "PlanIndicator_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "PlanCommitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanOccasion" ADD CONSTRAINT "PlanOccasion_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanOccasion" ADD CONSTRAINT "PlanOccasion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanOccasion" ADD CONSTRAINT "PlanOccasion_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActivityStatusEntry" ADD CONSTRAINT "PlanActivityStatusEntry_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActivityStatusEntry" ADD CONSTRAINT "PlanActivityStatusEntry_occasionId_fkey" FOREIGN KEY ("occasionId") REFERENCES "PlanOccasion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActivityStatusEntry" ADD CONSTRAINT "PlanActivityStatusEntry_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "PlanActivity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActivityStatusEntry" ADD CONSTRAINT "PlanActivityStatusEntry_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanIndicatorValue" ADD CONSTRAINT "PlanIndicatorValue_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanIndicatorValue" ADD CONSTRAINT "PlanIndicatorValue_occasionId_fkey" FOREIGN KEY ("occasionId") REFERENCES "PlanOccasion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanIndicatorValue" ADD CONSTRAINT "PlanIndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "PlanIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanIndicatorValue" ADD CONSTRAINT "PlanIndicatorValue_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanCommitmentSummary" ADD CONSTRAINT "PlanCommitmentSummary_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanCommitmentSummary" ADD CONSTRAINT "PlanCommitmentSummary_occasionId_fkey" FOREIGN KEY ("occasionId") REFERENCES "PlanOccasion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanCommitmentSummary" ADD CONSTRAINT "PlanCommitmentSummary_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "PlanCommitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanCommitmentSummary" ADD CONSTRAINT "PlanCommitmentSummary_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanUppdragLink" ADD CONSTRAINT "PlanUppdragLink_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanUppdragLink" ADD CONSTRAINT "PlanUppdragLink_uppdragId_fkey" FOREIGN KEY ("uppdragId") REFERENCES "Uppdrag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanUppdragLink" ADD CONSTRAINT "PlanUppdragLink_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "PlanCommitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanUppdragLink" ADD CONSTRAINT "PlanUppdragLink_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "PlanActivity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanUppdragLink" ADD CONSTRAINT "PlanUppdragLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot express (written by hand, as in
-- 20261125070100_history_rules): a closed follow-up occasion is read-only, and
-- no follow-up value is ever deleted. Plain PL/pgSQL for PostgreSQL and PGlite.
CREATE OR REPLACE FUNCTION refuse_change_closed_plan_occasion() RETURNS trigger AS $$
DECLARE
  occ UUID;
  closed TIMESTAMP(3);
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'plan follow-up table %: DELETE is not allowed', TG_TABLE_NAME;
  END IF;
  occ := NEW."occasionId";
  IF TG_OP = 'UPDATE' AND OLD."occasionId" IS DISTINCT FROM NEW."occasionId" THEN
    RAISE EXCEPTION 'plan follow-up table %: a value cannot move to another occasion', TG_TABLE_NAME;
  END IF;
  SELECT "closedAt" INTO closed FROM "PlanOccasion" WHERE id = occ;
  IF closed IS NOT NULL THEN
    RAISE EXCEPTION 'plan occasion % is closed: % on % is not allowed', occ, TG_OP, TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PlanActivityStatusEntry_open_occasion"
  BEFORE INSERT OR UPDATE OR DELETE ON "PlanActivityStatusEntry"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_closed_plan_occasion();
CREATE TRIGGER "PlanIndicatorValue_open_occasion"
  BEFORE INSERT OR UPDATE OR DELETE ON "PlanIndicatorValue"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_closed_plan_occasion();
CREATE TRIGGER "PlanCommitmentSummary_open_occasion"
  BEFORE INSERT OR UPDATE OR DELETE ON "PlanCommitmentSummary"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_closed_plan_occasion();

-- An occasion, once closed, stays closed and unchanged; occasions are never deleted.
CREATE OR REPLACE FUNCTION refuse_change_closed_occasion_row() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'PlanOccasion: DELETE is not allowed';
  END IF;
  IF OLD."closedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'plan occasion % is closed and cannot change', OLD.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PlanOccasion_closed_is_final"
  BEFORE UPDATE OR DELETE ON "PlanOccasion"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_closed_occasion_row();
