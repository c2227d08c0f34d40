-- The open public view (issue #18, docs/decisions/007-public-view.md): off by default;
-- comments and the named official shown only when the administrator chooses; an uppdrag can be kept out.
-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "publicShowComments" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "publicShowNames" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "publicView" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Uppdrag" ADD COLUMN     "publiclyHidden" BOOLEAN NOT NULL DEFAULT false;
